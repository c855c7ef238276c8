"""The inputs of the SigV4 vectors that generate_sigv4_vectors.py signs with botocore.

Each vector is a request to one of the services the operator and the RAG runtime call (kinesis,
bedrock, aoss, es, eks, sts), chosen to cover one edge of SigV4: path encoding and normalisation,
query canonicalisation, header folding, payload hashing, session tokens and presigning.
"""

LONG_TERM = {
    "accessKeyID": "AKIDEXAMPLE",
    "secretAccessKey": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
}
TEMPORARY = {
    "accessKeyID": "ASIAEXAMPLETEMPORARY",
    "secretAccessKey": "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
    "sessionToken": "IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQ+Token/With+Slashes==",
}
DEFAULT_TIME = "2024-05-01T12:34:56Z"
JSON_HEADERS = [["Content-Type", "application/json"]]
KINESIS_HEADERS = [
    ["Content-Type", "application/x-amz-json-1.1"],
    ["X-Amz-Target", "Kinesis_20131202.PutRecord"],
]
FORM_HEADERS = [["Content-Type", "application/x-www-form-urlencoded"]]
KINESIS = "https://kinesis.eu-west-1.amazonaws.com"
BEDROCK = "https://bedrock-runtime.us-east-1.amazonaws.com"
AOSS = "https://abc123xyz.eu-central-1.aoss.amazonaws.com"
ES = "https://search-rag-abc.eu-west-1.es.amazonaws.com"
EKS = "https://eks.us-west-2.amazonaws.com"
STS = "https://sts.us-east-1.amazonaws.com"


def vector(name, service, region, method, url=None, *, components=None, headers=(), body="",
           body_repeat=None, credentials=LONG_TERM, payload="computed", content_sha256=False,
           presign=None, time=DEFAULT_TIME):
    """One vector's inputs, in the shape the JSON stores them."""
    entry = {
        "name": name, "service": service, "region": region, "method": method,
        "time": time, "credentials": credentials, "headers": [list(h) for h in headers],
        "payload": payload, "contentSHA256Header": content_sha256,
    }
    if url is not None:
        entry["url"] = url
    else:
        entry["components"] = components
    if body_repeat is not None:
        entry["bodyRepeat"], entry["bodyLength"] = body_repeat
    else:
        entry["body"] = body
    if presign is not None:
        entry["presignExpires"] = presign
    return entry


def components(base, path, query=()):
    """A request given as decoded parts; the generator builds the wire URL from them."""
    scheme, host = base.split("://")
    port = None
    if host.count(":") == 1:
        host, port = host.split(":")
        port = int(port)
    return {"scheme": scheme, "host": host, "port": port, "path": path,
            "query": [list(q) for q in query]}




def header_vectors():
    """Vectors signed with the Authorization header (SigV4Auth)."""
    put_record = '{"StreamName":"rag-documents","Data":"aGVsbG8=","PartitionKey":"doc-1"}'
    claude = "anthropic.claude-3-haiku-20240307-v1:0"
    search = '{"query":{"knn":{"embedding":{"vector":[0.1,0.2],"k":5}}}}'
    return [
        # kinesis: JSON protocol, POST to /
        vector("kinesis-put-record", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=KINESIS_HEADERS, body=put_record),
        vector("kinesis-put-record-with-session-token", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=KINESIS_HEADERS, body=put_record, credentials=TEMPORARY),
        vector("kinesis-empty-body", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=[["Content-Type", "application/x-amz-json-1.1"],
                        ["X-Amz-Target", "Kinesis_20131202.ListStreams"]]),
        vector("kinesis-one-mebibyte-body", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=KINESIS_HEADERS, body_repeat=("a", 1048576), credentials=TEMPORARY),
        vector("kinesis-empty-path", "kinesis", "eu-west-1", "POST", KINESIS,
               headers=KINESIS_HEADERS, body=put_record),
        vector("kinesis-leap-day-midnight", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=KINESIS_HEADERS, body=put_record, time="2024-02-29T23:59:59Z"),
        vector("kinesis-new-year", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=KINESIS_HEADERS, body=put_record, time="2025-01-01T00:00:00Z"),
        vector("kinesis-whitespace-and-repeated-headers", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=KINESIS_HEADERS + [["X-Custom", "  leading and   inner  spaces  "],
                                          ["x-custom", "\tsecond\t value "], ["X-CUSTOM", "third"],
                                          ["X-Empty", ""], ["X-Folded", "a \t b \t\t c"],
                                          ["User-Agent", "rag-operator/1.0 (not signed)"],
                                          ["X-Amzn-Trace-Id", "Root=1-not-signed"]],
               body=put_record),
        vector("kinesis-explicit-host-header", "kinesis", "eu-west-1", "POST", KINESIS + "/",
               headers=KINESIS_HEADERS + [["Host", "kinesis.eu-west-1.amazonaws.com"]], body=put_record),
        # bedrock: REST-JSON, model IDs with colons
        vector("bedrock-invoke-model", "bedrock", "us-east-1", "POST",
               BEDROCK + "/model/cohere.embed-english-v3/invoke",
               headers=JSON_HEADERS + [["Accept", "application/json"]],
               body='{"texts":["hello world"],"input_type":"search_document"}'),
        vector("bedrock-invoke-model-encoded-colon", "bedrock", "us-east-1", "POST",
               BEDROCK + "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke",
               headers=JSON_HEADERS, body='{"messages":[]}', credentials=TEMPORARY),
        vector("bedrock-invoke-model-raw-colon", "bedrock", "us-east-1", "POST",
               BEDROCK + f"/model/{claude}/invoke", headers=JSON_HEADERS, body='{"messages":[]}'),
        vector("bedrock-invoke-model-from-components", "bedrock", "us-east-1", "POST",
               components=components(BEDROCK, f"/model/{claude}/invoke-with-response-stream"),
               headers=JSON_HEADERS + [["X-Amzn-Bedrock-Accept", "*/*"]], body='{"messages":[]}'),
        vector("bedrock-unsigned-payload", "bedrock", "us-east-1", "POST",
               BEDROCK + "/model/cohere.embed-english-v3/invoke", headers=JSON_HEADERS,
               body='{"texts":["x"]}', payload="unsigned"),
        # aoss: X-Amz-Content-SHA256 required
        vector("aoss-search", "aoss", "eu-central-1", "POST", AOSS + "/rag-index/_search",
               headers=JSON_HEADERS, body=search, content_sha256=True, credentials=TEMPORARY),
        vector("aoss-bulk", "aoss", "eu-central-1", "POST", AOSS + "/_bulk",
               headers=[["Content-Type", "application/x-ndjson"]], content_sha256=True,
               body='{"index":{"_index":"rag-index"}}\n{"text":"a"}\n'),
        vector("aoss-create-index-unsigned-payload", "aoss", "eu-central-1", "PUT", AOSS + "/rag-index",
               headers=JSON_HEADERS, body='{"settings":{"index.knn":true}}', payload="unsigned",
               content_sha256=True),
        vector("aoss-get-document-with-spaces", "aoss", "eu-central-1", "GET",
               components=components(AOSS, "/rag index/_doc/doc id 1"), content_sha256=True),
        vector("aoss-delete-index", "aoss", "eu-central-1", "DELETE", AOSS + "/rag-index",
               content_sha256=True, credentials=TEMPORARY),
        vector("aoss-large-body", "aoss", "eu-central-1", "PUT", AOSS + "/rag-index/_doc/big",
               headers=JSON_HEADERS, body_repeat=("a", 1048576), content_sha256=True),
        # es: paths and queries
        vector("es-search-with-query", "es", "eu-west-1", "GET",
               components=components(ES, "/rag-index/_search", [("q", "title:hello world"), ("size", "10")])),
        vector("es-repeated-query-keys-and-empty-value", "es", "eu-west-1", "GET",
               components=components(ES, "/_cat/indices", [("h", "index"), ("v", ""), ("h", "health"),
                                                           ("h", "docs.count"), ("h", "docs-count")])),
        vector("es-query-sort-order", "es", "eu-west-1", "GET",
               components=components(ES, "/", [("b", "2"), ("a", "z"), ("A", "1"), ("a", "y"), ("_", "u"),
                                               ("a-b", "3"), ("aa", "4"), ("a.b", "5"), ("~", "6")])),
        vector("es-unicode-path", "es", "eu-west-1", "GET",
               components=components(ES, "/café/_doc/\u2603-snowman")),
        vector("es-unicode-query", "es", "eu-west-1", "GET",
               components=components(ES, "/rag-index/_search",
                                     [("ключ", "значение"), ("名前", "値"), ("emoji", "\U0001F600")])),
        vector("es-query-reserved-characters", "es", "eu-west-1", "GET",
               components=components(ES, "/rag-index/_search",
                                     [("q", "a=b&c/d+e f*g~h"), ("filter", "x:y,z;w!'()"), ("pct", "100%")])),
        vector("es-query-name-without-value", "es", "eu-west-1", "GET",
               ES + "/rag-index/_refresh?flag&ignore_unavailable=true&expand_wildcards="),
        vector("es-literal-plus-in-path", "es", "eu-west-1", "GET", ES + "/rag-index/_doc/a+b"),
        vector("es-encoded-plus-in-path", "es", "eu-west-1", "GET",
               components=components(ES, "/rag-index/_doc/a+b")),
        vector("es-encoded-slash-in-path", "es", "eu-west-1", "GET", ES + "/rag-index/_doc/a%2Fb"),
        vector("es-double-slashes", "es", "eu-west-1", "GET", ES + "//rag-index//_search"),
        vector("es-dot-segments", "es", "eu-west-1", "GET", ES + "/rag-index/./_doc/../_search"),
        vector("es-dot-dot-above-root", "es", "eu-west-1", "GET", ES + "/../../rag-index"),
        vector("es-trailing-slash", "es", "eu-west-1", "GET", ES + "/rag-index/"),
        vector("es-only-dot-segments", "es", "eu-west-1", "GET", ES + "/./"),
        vector("es-colon-in-path", "es", "eu-west-1", "GET", ES + "/rag-index/_doc/urn:isbn:123"),
        vector("es-encoded-space-in-path", "es", "eu-west-1", "PUT", ES + "/rag%20index/_doc/1",
               headers=JSON_HEADERS, body='{"text":"hi"}', credentials=TEMPORARY),
        vector("es-non-default-port", "es", "eu-west-1", "GET", "https://localhost:9200/rag-index/_search"),
        vector("es-default-port-explicit", "es", "eu-west-1", "GET", ES + ":443/rag-index/_count"),
        vector("es-http-port-80", "es", "eu-west-1", "GET", "http://search.internal:80/rag-index/_count"),
        vector("es-uppercase-host", "es", "eu-west-1", "GET",
               "https://Search-RAG-abc.EU-WEST-1.es.amazonaws.com/rag-index/_count"),
        # eks: REST-JSON control plane
        vector("eks-describe-cluster", "eks", "us-west-2", "GET", EKS + "/clusters/rag-cluster"),
        vector("eks-list-pod-identity-associations", "eks", "us-west-2", "GET",
               components=components(EKS, "/clusters/rag-cluster/pod-identity-associations",
                                     [("namespace", "rag"), ("maxResults", "100"),
                                      ("nextToken", "eyJ0b2tlbiI6IjEyMyJ9/+==")]),
               credentials=TEMPORARY),
        vector("eks-create-pod-identity-association", "eks", "us-west-2", "POST",
               EKS + "/clusters/rag-cluster/pod-identity-associations", headers=JSON_HEADERS,
               body='{"namespace":"rag","serviceAccount":"query","roleArn":"arn:aws:iam::123456789012:role/q"}',
               credentials=TEMPORARY),
        vector("eks-delete-pod-identity-association", "eks", "us-west-2", "DELETE",
               EKS + "/clusters/rag-cluster/pod-identity-associations/a-abcdefghijklmnop1"),
        # sts: query protocol
        vector("sts-get-caller-identity", "sts", "us-east-1", "POST", STS + "/", headers=FORM_HEADERS,
               body="Action=GetCallerIdentity&Version=2011-06-15"),
        vector("sts-assume-role-with-web-identity", "sts", "us-east-1", "GET",
               components=components(STS, "/", [("Action", "AssumeRoleWithWebIdentity"),
                                                 ("Version", "2011-06-15"),
                                                 ("RoleArn", "arn:aws:iam::123456789012:role/rag"),
                                                 ("RoleSessionName", "rag-operator"),
                                                 ("WebIdentityToken", "eyJhbGciOi.eyJzdWIi.sig-_")])),
    ]


def presign_vectors():
    """Vectors signed into the query string (SigV4QueryAuth)."""
    caller = STS + "/?Action=GetCallerIdentity&Version=2011-06-15"
    eks_token = [["x-k8s-aws-id", "rag-cluster"]]
    return [
        vector("sts-presign-eks-token", "sts", "us-east-1", "GET", caller, headers=eks_token, presign=60),
        vector("sts-presign-eks-token-with-session-token", "sts", "us-east-1", "GET", caller,
               headers=eks_token, presign=60, credentials=TEMPORARY),
        vector("sts-presign-regional", "sts", "eu-west-1", "GET",
               "https://sts.eu-west-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15",
               headers=eks_token, presign=900),
        vector("es-presign-unicode-path-and-query", "es", "eu-west-1", "GET",
               components=components(ES, "/café/_search", [("q", "a b+c"), ("ключ", "")]), presign=3600),
        vector("bedrock-presign-encoded-colon", "bedrock", "us-east-1", "GET",
               BEDROCK + "/model/anthropic.claude-3-haiku-20240307-v1%3A0/invoke", presign=300,
               credentials=TEMPORARY),
        vector("kinesis-presign-no-query", "kinesis", "eu-west-1", "GET", KINESIS + "/", presign=3600),
        vector("eks-presign-maximum-expiry", "eks", "us-west-2", "GET", EKS + "/clusters/rag-cluster",
               presign=604800),
        vector("es-presign-non-default-port-dot-segments", "es", "eu-west-1", "GET",
               "https://localhost:9200/rag-index/./_doc/../_count?pretty=true", presign=120,
               time="2023-12-31T23:59:59Z"),
    ]


def vectors():
    """Every vector, header-signed first."""
    return header_vectors() + presign_vectors()
