variable "name" {
  description = "Prefix of every AWS resource, and the RAGPipeline's name."
  type        = string
  default     = "vehicle-logs"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,18}$", var.name))
    error_message = "name must be 3-19 characters: lower-case letters, digits and dashes, starting with a letter (OpenSearch Serverless names, at most 32 characters, are <name>-vectors-data and the like)."
  }
}

variable "region" {
  description = "AWS region of the EKS cluster and of everything created here."
  type        = string
}

variable "cluster_name" {
  description = "The existing EKS cluster (with the eks-pod-identity-agent add-on) that runs the operator and the pipeline."
  type        = string
}

variable "namespace" {
  description = "Kubernetes namespace of the RAGPipeline and its workloads."
  type        = string
  default     = "rag"
}

variable "operator_namespace" {
  description = "Kubernetes namespace of the operator (the Helm release)."
  type        = string
  default     = "rag-system"
}

variable "shard_count" {
  description = "Kinesis shards: each takes 1 MB/s or 1,000 records/s of writes; consumer replicas split them."
  type        = number
  default     = 4

  validation {
    condition     = var.shard_count >= 1 && var.shard_count <= 500
    error_message = "shard_count must be 1...500."
  }
}

variable "retention_hours" {
  description = "How long Kinesis keeps records (24-8760): the window a stopped consumer can catch up on."
  type        = number
  default     = 24

  validation {
    condition     = var.retention_hours >= 24 && var.retention_hours <= 8760
    error_message = "retention_hours must be 24...8760."
  }
}

variable "embedding_model_id" {
  description = "Bedrock embedding model the consumer and the query backend call."
  type        = string
  default     = "cohere.embed-english-v3"
}

variable "opensearch_standby_replicas" {
  description = "ENABLED for production (redundant OCUs across zones), DISABLED for development."
  type        = string
  default     = "ENABLED"

  validation {
    condition     = contains(["ENABLED", "DISABLED"], var.opensearch_standby_replicas)
    error_message = "opensearch_standby_replicas must be ENABLED or DISABLED."
  }
}

variable "opensearch_vpc_endpoint_ids" {
  description = "Existing OpenSearch Serverless VPC endpoints allowed to reach the collection. Empty (and opensearch_public_access false) creates one in vpc_id."
  type        = list(string)
  default     = []
}

variable "opensearch_public_access" {
  description = "Allow the collection to be reached from the internet (still only with signed requests from the pipeline's roles). Off by default: the collection is private to VPC endpoints."
  type        = bool
  default     = false
}

variable "vpc_id" {
  description = "The cluster's VPC, for the collection's VPC endpoint (needed unless opensearch_vpc_endpoint_ids is set or opensearch_public_access is true)."
  type        = string
  default     = ""
}

variable "subnet_ids" {
  description = "Private subnets of the cluster's VPC for the collection's VPC endpoint."
  type        = list(string)
  default     = []
}

variable "opensearch_security_group_ids" {
  description = "Security groups for the created VPC endpoint (HTTPS from the nodes); empty uses the VPC's default."
  type        = list(string)
  default     = []
}

variable "opensearch_admin_principals" {
  description = "IAM principal ARNs (besides the pipeline role) allowed to manage the collection's indexes, e.g. an SSO admin role."
  type        = list(string)
  default     = []
}

variable "kms_key_arn" {
  description = "Customer-managed KMS key for Kinesis, DynamoDB, ECR and OpenSearch; empty uses AWS-owned or AWS-managed keys."
  type        = string
  default     = ""
}

variable "install_operator" {
  description = "Install the operator's Helm chart (needs the helm provider configured for the cluster, and both images pushed to the ECR repositories: apply once with false, push, then apply with true)."
  type        = bool
  default     = true
}

variable "hf_token_secret_name" {
  description = "Secret (key `token`) in var.namespace with a Hugging Face token, for gated models such as Llama; empty for ungated models."
  type        = string
  default     = "hf-token"
}

variable "llm_model" {
  description = "The model vLLM serves on Inferentia2."
  type        = string
  default     = "meta-llama/Llama-3.2-1B-Instruct"
}

variable "operator_image_tag" {
  description = "Tag of the rag-operator and rag-runtime images in the ECR repositories created here."
  type        = string
  default     = "0.1.0"
}

variable "tags" {
  description = "Tags on every resource."
  type        = map(string)
  default     = {}
}
