# The vector store: an OpenSearch Serverless VECTORSEARCH collection. The consumer creates the
# index (FAISS HNSW, inner product) on first write; ids go in `doc_id` there (see the README).

resource "aws_opensearchserverless_security_policy" "encryption" {
  name = "${local.collection}-enc"
  type = "encryption"
  policy = jsonencode(merge(
    { Rules = [{ ResourceType = "collection", Resource = ["collection/${local.collection}"] }] },
    var.kms_key_arn != "" ? { KmsARN = var.kms_key_arn, AWSOwnedKey = false } : { AWSOwnedKey = true },
  ))
}

# Private by default: reachable only through OpenSearch Serverless VPC endpoints (the ones given,
# or one created in the cluster's VPC); public access (still signed requests only) only when
# opensearch_public_access says so.
resource "aws_opensearchserverless_vpc_endpoint" "vectors" {
  count              = !var.opensearch_public_access && length(var.opensearch_vpc_endpoint_ids) == 0 ? 1 : 0
  name               = "${local.collection}-vpce"
  vpc_id             = var.vpc_id
  subnet_ids         = var.subnet_ids
  security_group_ids = length(var.opensearch_security_group_ids) > 0 ? var.opensearch_security_group_ids : null

  lifecycle {
    precondition {
      condition     = var.vpc_id != "" && length(var.subnet_ids) > 0
      error_message = "A private collection needs vpc_id and subnet_ids (or opensearch_vpc_endpoint_ids, or opensearch_public_access = true)."
    }
  }
}

locals {
  opensearch_vpc_endpoints = concat(var.opensearch_vpc_endpoint_ids, aws_opensearchserverless_vpc_endpoint.vectors[*].id)
}

resource "aws_opensearchserverless_security_policy" "network" {
  name = "${local.collection}-net"
  type = "network"
  policy = jsonencode([merge(
    { Rules = [{ ResourceType = "collection", Resource = ["collection/${local.collection}"] }] },
    var.opensearch_public_access
    ? { AllowFromPublic = true }
    : { AllowFromPublic = false, SourceVPCEs = local.opensearch_vpc_endpoints },
  )])
}

# Data access: the consumer creates and writes the index; the backend only reads documents.
resource "aws_opensearchserverless_access_policy" "data" {
  name = "${local.collection}-data"
  type = "data"
  policy = jsonencode([
    {
      Description = "consumer and admins: create and write the index"
      Rules = [
        {
          ResourceType = "collection"
          Resource     = ["collection/${local.collection}"]
          Permission   = ["aoss:DescribeCollectionItems"]
        },
        {
          ResourceType = "index"
          Resource     = ["index/${local.collection}/*"]
          Permission = [
            "aoss:CreateIndex", "aoss:DescribeIndex", "aoss:UpdateIndex",
            "aoss:ReadDocument", "aoss:WriteDocument",
          ]
        },
      ]
      Principal = concat([aws_iam_role.component["consumer"].arn], var.opensearch_admin_principals)
    },
    {
      Description = "backend: read documents"
      Rules = [
        {
          ResourceType = "index"
          Resource     = ["index/${local.collection}/*"]
          Permission   = ["aoss:DescribeIndex", "aoss:ReadDocument"]
        },
      ]
      Principal = [aws_iam_role.component["backend"].arn]
    },
  ])
}

resource "aws_opensearchserverless_collection" "vectors" {
  name             = local.collection
  type             = "VECTORSEARCH"
  standby_replicas = var.opensearch_standby_replicas
  tags             = local.tags

  depends_on = [
    aws_opensearchserverless_security_policy.encryption,
    aws_opensearchserverless_security_policy.network,
  ]
}
