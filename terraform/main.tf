data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  account_id  = data.aws_caller_identity.current.account_id
  partition   = data.aws_partition.current.partition
  collection  = "${var.name}-vectors"
  index       = var.name
  lease_table = "rag-${var.namespace}-${var.name}-leases" # the operator's default for source.kinesis.leaseTable
  tags        = merge({ "app.kubernetes.io/part-of" = "rag-operator", "rag.dev/pipeline" = var.name }, var.tags)
}

# The telemetry stream: producers write with PutRecords, consumer replicas split its shards.
resource "aws_kinesis_stream" "telemetry" {
  name             = var.name
  shard_count      = var.shard_count
  retention_period = var.retention_hours
  encryption_type  = "KMS"
  kms_key_id       = var.kms_key_arn != "" ? var.kms_key_arn : "alias/aws/kinesis"

  stream_mode_details {
    stream_mode = "PROVISIONED"
  }

  shard_level_metrics = ["IncomingRecords", "OutgoingRecords", "IteratorAgeMilliseconds"]
  tags                = local.tags
}

# Shard leases and checkpoints of the consumer replicas (one item per shard; see the README).
resource "aws_dynamodb_table" "leases" {
  name         = local.lease_table
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "shard"

  attribute {
    name = "shard"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = var.kms_key_arn != "" ? var.kms_key_arn : null
  }

  deletion_protection_enabled = true
  tags                        = local.tags
}

# Images: the operator, and the RAG runtime every data-plane Deployment runs.
resource "aws_ecr_repository" "images" {
  for_each             = toset(["rag-operator", "rag-runtime"])
  name                 = "${var.name}/${each.key}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
    kms_key         = var.kms_key_arn != "" ? var.kms_key_arn : null
  }

  tags = local.tags
}

resource "aws_ecr_lifecycle_policy" "images" {
  for_each   = aws_ecr_repository.images
  repository = each.value.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the 30 newest images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = 30 }
      action       = { type = "expire" }
    }]
  })
}
