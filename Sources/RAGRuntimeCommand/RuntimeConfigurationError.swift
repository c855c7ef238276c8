import RuntimeContract

/// A configuration value `rag-runtime` cannot use: the contract's error (variable, value, what is wrong).
typealias RuntimeConfigurationError = RuntimeContractError
