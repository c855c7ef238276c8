# The operator, from the chart in this repository, running the images pushed to the ECR
# repositories above.
resource "helm_release" "operator" {
  count            = var.install_operator ? 1 : 0
  name             = "rag-operator"
  chart            = "${path.module}/../charts/rag-operator"
  namespace        = var.operator_namespace
  create_namespace = true
  atomic           = true
  timeout          = 600

  values = [yamlencode({
    image        = { repository = aws_ecr_repository.images["rag-operator"].repository_url, tag = var.operator_image_tag }
    runtimeImage = { repository = aws_ecr_repository.images["rag-runtime"].repository_url, tag = var.operator_image_tag }
    podIdentity  = { enabled = true, region = var.region }
  })]

  depends_on = [aws_eks_pod_identity_association.operator]
}
