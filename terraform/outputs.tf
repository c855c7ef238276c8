output "kinesis_stream_name" {
  description = "source.kinesis.streamName"
  value       = aws_kinesis_stream.telemetry.name
}

output "lease_table_name" {
  description = "source.kinesis.leaseTable"
  value       = aws_dynamodb_table.leases.name
}

output "opensearch_endpoint" {
  description = "vectorStore.opensearch.endpoint"
  value       = aws_opensearchserverless_collection.vectors.collection_endpoint
}

output "component_role_arns" {
  description = "spec.<component>.podIdentity.roleArn for the backend, the consumer and the producer."
  value       = { for name, role in aws_iam_role.component : name => role.arn }
}

output "ecr_repositories" {
  description = "Where to push the rag-operator and rag-runtime images."
  value       = { for name, repository in aws_ecr_repository.images : name => repository.repository_url }
}

output "ragpipeline_manifest" {
  description = "The namespace and a RAGPipeline using everything created here: `terraform output -raw ragpipeline_manifest | kubectl apply -f -`."
  value = templatefile("${path.module}/ragpipeline.yaml.tftpl", {
    name                 = var.name
    namespace            = var.namespace
    region               = var.region
    cluster_name         = var.cluster_name
    backend_role_arn     = aws_iam_role.component["backend"].arn
    consumer_role_arn    = aws_iam_role.component["consumer"].arn
    producer_role_arn    = aws_iam_role.component["producer"].arn
    stream_name          = aws_kinesis_stream.telemetry.name
    lease_table          = aws_dynamodb_table.leases.name
    model_id             = var.embedding_model_id
    endpoint             = aws_opensearchserverless_collection.vectors.collection_endpoint
    index                = local.index
    runtime_image        = "${aws_ecr_repository.images["rag-runtime"].repository_url}:${var.operator_image_tag}"
    llm_model            = var.llm_model
    hf_token_secret_name = var.hf_token_secret_name
  })
}
