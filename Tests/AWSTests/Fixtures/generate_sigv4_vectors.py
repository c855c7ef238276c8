#!/usr/bin/env python3
"""Generate SigV4 test vectors with botocore's signer as the oracle.

Writes sigv4-botocore.json beside this script (or to --output). Each vector stores the inputs
(service, region, time, credentials, method, URL or decoded path and query, headers, body,
payload choice, presign lifetime) and what botocore produced: the canonical request, the string
to sign, the Authorization header and the other signing headers it set (X-Amz-Date, X-Amz-Security-Token,
X-Amz-Content-SHA256), or the presigned URL.

The time is fixed by patching botocore.auth.get_current_datetime, which SigV4Auth.add_auth and
SigV4QueryAuth.add_auth call to stamp the request. The output is deterministic, so the Swift
test SigV4FixtureDriftTests re-runs this script and compares it with the committed file.

Requires botocore (pip install botocore). Usage: generate_sigv4_vectors.py [--output PATH]
"""

import argparse
import datetime
import hashlib
import json
import os
import re
import sys
from unittest import mock
from urllib.parse import quote

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.utils import percent_encode_sequence

sys.dont_write_bytecode = True  # keep __pycache__ out of the Fixtures resource folder
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sigv4_vector_inputs import vectors  # noqa: E402

SIGNING_HEADERS = {"x-amz-date", "x-amz-security-token", "x-amz-content-sha256"}
PAIR = re.compile(r'\[\n\s+("(?:[^"\\]|\\.)*"),\n\s+("(?:[^"\\]|\\.)*")\n\s+\]')


def wire_url(entry):
    """The URL botocore signs: the stored one, or one encoded from decoded parts as botocore's
    serializers do (path bytes but unreserved characters and '/' escaped, query via
    percent_encode_sequence)."""
    if "url" in entry:
        return entry["url"]
    parts = entry["components"]
    authority = parts["host"] + (f":{parts['port']}" if parts["port"] is not None else "")
    url = f"{parts['scheme']}://{authority}{quote(parts['path'], safe='/~')}"
    if parts["query"]:
        url += "?" + percent_encode_sequence([tuple(q) for q in parts["query"]])
    return url


def body_bytes(entry):
    if "bodyRepeat" in entry:
        return (entry["bodyRepeat"] * entry["bodyLength"]).encode()
    return entry["body"].encode()


def capturing(signer_class):
    """A subclass of signer_class that keeps the canonical request and the string to sign."""
    class Capturing(signer_class):
        def canonical_request(self, request):
            self.captured_canonical_request = super().canonical_request(request)
            return self.captured_canonical_request

        def string_to_sign(self, request, canonical_request):
            self.captured_string_to_sign = super().string_to_sign(request, canonical_request)
            return self.captured_string_to_sign
    return Capturing


def sign(entry):
    """Sign one vector with botocore at its fixed time and return the expected outputs."""
    creds = entry["credentials"]
    credentials = Credentials(creds["accessKeyID"], creds["secretAccessKey"], creds.get("sessionToken"))
    body = body_bytes(entry)
    request = AWSRequest(method=entry["method"], url=wire_url(entry), data=body or None)
    for name, value in entry["headers"]:
        request.headers[name] = value  # HTTPHeaders appends, so repeated names are kept
    if entry["contentSHA256Header"] and entry["payload"] == "computed":
        request.headers["X-Amz-Content-SHA256"] = hashlib.sha256(body).hexdigest()
    if entry["payload"] == "unsigned":
        request.context["payload_signing_enabled"] = False
    if "presignExpires" in entry:
        signer = capturing(botocore.auth.SigV4QueryAuth)(
            credentials, entry["service"], entry["region"], expires=entry["presignExpires"])
    else:
        signer = capturing(botocore.auth.SigV4Auth)(credentials, entry["service"], entry["region"])
    now = datetime.datetime.strptime(entry["time"], "%Y-%m-%dT%H:%M:%SZ")
    with mock.patch.object(botocore.auth, "get_current_datetime", return_value=now):
        signer.add_auth(request)
    expected = {
        "canonicalRequest": signer.captured_canonical_request,
        "stringToSign": signer.captured_string_to_sign,
    }
    if "presignExpires" in entry:
        expected["url"] = request.url
    else:
        expected["authorization"] = request.headers["Authorization"]
        expected["signingHeaders"] = {
            name.lower(): value for name, value in request.headers.items() if name.lower() in SIGNING_HEADERS
        }
    epoch = int(now.replace(tzinfo=datetime.timezone.utc).timestamp())
    return {**entry, "epochSeconds": epoch, "expected": expected}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "sigv4-botocore.json")
    parser.add_argument("--output", default=default)
    arguments = parser.parse_args()
    signed = [sign(entry) for entry in vectors()]
    names = [entry["name"] for entry in signed]
    if len(names) != len(set(names)):
        sys.exit("duplicate vector names")
    document = {
        "about": "SigV4 vectors signed by botocore; regenerate with generate_sigv4_vectors.py",
        "vectors": signed,
    }
    with open(arguments.output, "w", encoding="utf-8") as output:
        text = json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False)
        output.write(PAIR.sub(r"[\1, \2]", text))  # one line per header or query pair
        output.write("\n")
    print(f"wrote {len(signed)} vectors to {arguments.output}")


if __name__ == "__main__":
    main()
