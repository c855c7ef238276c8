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

resource "aws_opensearchserverless_security_policy" "network" {
  name = "${local.collection}-net"
  type = "network"
  policy = jsonencode([merge(
    { Rules = [{ ResourceType = "collection", Resource = ["collection/${local.collection}"] }] },
    length(var.opensearch_vpc_endpoint_ids) > 0
    ? { AllowFromPublic = false, SourceVPCEs = var.opensearch_vpc_endpoint_ids }
    : { AllowFromPublic = true },
  )])
}

resource "aws_opensearchserverless_access_policy" "data" {
  name = "${local.collection}-data"
  type = "data"
  policy = jsonencode([{
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
    Principal = concat([aws_iam_role.pipeline.arn], var.opensearch_admin_principals)
  }])
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
