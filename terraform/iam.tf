# One role per pipeline component, each assumed through EKS Pod Identity (the pods.eks.amazonaws.com
# service principal) by that component's service account only, and each allowed only what that
# component calls: the backend reads (Bedrock for questions, the collection's documents), the
# consumer reads the stream, keeps its leases and writes the index, the producer only puts
# records. The operator creates their associations from spec.<component>.podIdentity.roleArn; its
# own role manages those associations.

locals {
  # The operator names each component's service account <pipeline>-<component>.
  components = {
    backend  = "${var.name}-backend"
    consumer = "${var.name}-consumer"
    producer = "${var.name}-producer"
  }
}

# EKS Pod Identity assumes a role with session tags naming the cluster, namespace and service
# account; each trust policy accepts only its component's pods in this cluster and namespace.
data "aws_iam_policy_document" "component_trust" {
  for_each = local.components
  statement {
    sid     = "EKSPodIdentity"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/eks-cluster-name"
      values   = [var.cluster_name]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/kubernetes-namespace"
      values   = [var.namespace]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/kubernetes-service-account"
      values   = [each.value]
    }
  }
}

data "aws_iam_policy_document" "operator_trust" {
  statement {
    sid     = "EKSPodIdentity"
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "Service"
      identifiers = ["pods.eks.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/eks-cluster-name"
      values   = [var.cluster_name]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/kubernetes-namespace"
      values   = [var.operator_namespace]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:RequestTag/kubernetes-service-account"
      values   = ["rag-operator"]
    }
  }
}

resource "aws_iam_role" "component" {
  for_each             = local.components
  name                 = "${var.name}-${each.key}"
  description          = "RAG pipeline ${var.name}: the ${each.key} (service account ${each.value})"
  assume_role_policy   = data.aws_iam_policy_document.component_trust[each.key].json
  max_session_duration = 3600
  tags                 = local.tags
}

# The backend: embeds questions and searches the collection (what it may read there is the data
# access policy's backend rule: documents and index metadata only).
data "aws_iam_policy_document" "backend" {
  statement {
    sid       = "Embeddings"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:${local.partition}:bedrock:${var.region}::foundation-model/${var.embedding_model_id}"]
  }
  statement {
    sid       = "VectorStore"
    actions   = ["aoss:APIAccessAll"]
    resources = [aws_opensearchserverless_collection.vectors.arn]
  }
  dynamic "statement" {
    for_each = var.kms_key_arn != "" ? [var.kms_key_arn] : []
    content {
      sid       = "EncryptionKey"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

# The consumer: reads the stream, keeps its leases and checkpoints, embeds records, writes the index.
data "aws_iam_policy_document" "consumer" {
  statement {
    sid       = "KinesisRead"
    actions   = ["kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords", "kinesis:DescribeStreamSummary"]
    resources = [aws_kinesis_stream.telemetry.arn]
  }
  statement {
    sid       = "ShardLeases"
    actions   = ["dynamodb:DescribeTable", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Scan"]
    resources = [aws_dynamodb_table.leases.arn]
  }
  statement {
    sid       = "Embeddings"
    actions   = ["bedrock:InvokeModel"]
    resources = ["arn:${local.partition}:bedrock:${var.region}::foundation-model/${var.embedding_model_id}"]
  }
  statement {
    sid       = "VectorStore"
    actions   = ["aoss:APIAccessAll"]
    resources = [aws_opensearchserverless_collection.vectors.arn]
  }
  dynamic "statement" {
    for_each = var.kms_key_arn != "" ? [var.kms_key_arn] : []
    content {
      sid       = "EncryptionKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

# The producer: puts records, nothing else.
data "aws_iam_policy_document" "producer" {
  statement {
    sid       = "KinesisWrite"
    actions   = ["kinesis:PutRecords", "kinesis:PutRecord"]
    resources = [aws_kinesis_stream.telemetry.arn]
  }
  dynamic "statement" {
    for_each = var.kms_key_arn != "" ? [var.kms_key_arn] : []
    content {
      sid       = "EncryptionKey"
      actions   = ["kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "component" {
  for_each = local.components
  name     = "rag-${each.key}"
  role     = aws_iam_role.component[each.key].id
  policy = {
    backend  = data.aws_iam_policy_document.backend.json
    consumer = data.aws_iam_policy_document.consumer.json
    producer = data.aws_iam_policy_document.producer.json
  }[each.key]
}

resource "aws_iam_role" "operator" {
  name                 = "${var.name}-rag-operator"
  description          = "rag-operator: manages EKS Pod Identity associations of RAG pipelines"
  assume_role_policy   = data.aws_iam_policy_document.operator_trust.json
  max_session_duration = 3600
  tags                 = local.tags
}

data "aws_iam_policy_document" "operator" {
  statement {
    sid = "PodIdentityAssociations"
    actions = [
      "eks:CreatePodIdentityAssociation", "eks:DescribePodIdentityAssociation",
      "eks:UpdatePodIdentityAssociation", "eks:DeletePodIdentityAssociation",
      "eks:ListPodIdentityAssociations", "eks:TagResource",
    ]
    resources = [
      "arn:${local.partition}:eks:${var.region}:${local.account_id}:cluster/${var.cluster_name}",
      "arn:${local.partition}:eks:${var.region}:${local.account_id}:podidentityassociation/${var.cluster_name}/*",
    ]
  }
  statement {
    sid       = "PassThePipelineRoles"
    actions   = ["iam:PassRole"]
    resources = [for role in aws_iam_role.component : role.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["pods.eks.amazonaws.com"]
    }
  }
  statement {
    sid       = "ReadThePipelineRoles"
    actions   = ["iam:GetRole"]
    resources = [for role in aws_iam_role.component : role.arn]
  }
}

resource "aws_iam_role_policy" "operator" {
  name   = "rag-operator"
  role   = aws_iam_role.operator.id
  policy = data.aws_iam_policy_document.operator.json
}

# The operator's own association; the pipeline's are the operator's to create.
resource "aws_eks_pod_identity_association" "operator" {
  cluster_name    = var.cluster_name
  namespace       = var.operator_namespace
  service_account = "rag-operator"
  role_arn        = aws_iam_role.operator.arn
  tags            = local.tags
}
