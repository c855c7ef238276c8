"""The tokenizer oracle: Hugging Face `tokenizers` over a JSON list of texts, ids printed as JSON.

    python3 tokenize_oracle.py TOKENIZER_JSON TEXTS_JSON OUTPUT_JSON [MAX_LENGTH]

Padding is turned off (the shipped tokenizer.json pads to 128) and truncation set to the model's
max_seq_length (256), as sentence-transformers calls the tokenizer.
"""
import json
import sys

from tokenizers import Tokenizer

tokenizer_path, texts_path, output_path = sys.argv[1:4]
max_length = int(sys.argv[4]) if len(sys.argv) > 4 else 256
tokenizer = Tokenizer.from_file(tokenizer_path)
tokenizer.no_padding()
tokenizer.enable_truncation(max_length=max_length)
with open(texts_path, encoding="utf-8") as file:
    texts = json.load(file)
encodings = tokenizer.encode_batch(texts)
with open(output_path, "w", encoding="utf-8") as file:
    json.dump([encoding.ids for encoding in encodings], file)
