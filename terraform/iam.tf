# Two roles, both assumed through EKS Pod Identity (the pods.eks.amazonaws.com service principal):
# the pipeline's (backend, consumer, producer; the operator creates their associations from
# spec.aws.podIdentity.roleArn) and the operator's own (it manages those associations).

# EKS Pod Identity assumes a role with session tags naming the cluster, namespace and service
# account; the trust policies accept only this cluster's pods in the expected namespace.
data "aws_iam_policy_document" "pipeline_trust" {
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

resource "aws_iam_role" "pipeline" {
  name                 = "${var.name}-pipeline"
  description          = "RAG pipeline ${var.name}: Kinesis, the lease table, Bedrock embeddings, OpenSearch Serverless"
  assume_role_policy   = data.aws_iam_policy_document.pipeline_trust.json
  max_session_duration = 3600
  tags                 = local.tags
}

data "aws_iam_policy_document" "pipeline" {
  statement {
    sid = "KinesisReadWrite"
    actions = [
      "kinesis:ListShards", "kinesis:GetShardIterator", "kinesis:GetRecords",
      "kinesis:DescribeStreamSummary", "kinesis:PutRecords", "kinesis:PutRecord",
    ]
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

resource "aws_iam_role_policy" "pipeline" {
  name   = "rag-pipeline"
  role   = aws_iam_role.pipeline.id
  policy = data.aws_iam_policy_document.pipeline.json
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
    sid       = "PassThePipelineRole"
    actions   = ["iam:PassRole"]
    resources = [aws_iam_role.pipeline.arn]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["pods.eks.amazonaws.com"]
    }
  }
  statement {
    sid       = "ReadThePipelineRole"
    actions   = ["iam:GetRole"]
    resources = [aws_iam_role.pipeline.arn]
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
