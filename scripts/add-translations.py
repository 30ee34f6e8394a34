#!/usr/bin/env python3
"""Adds key<TAB>translation lines (from a file or stdin) to a resource file, skipping keys it already has.
Usage: scripts/add-translations.py src/ClusterAtlas/Resources/SharedResource.sr-Latn.resx < new.tsv"""
import sys
from xml.sax.saxutils import escape

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
lines = (open(sys.argv[2], encoding="utf-8") if len(sys.argv) > 2 else sys.stdin).read().splitlines()
added = []
for line in lines:
    if not line.strip():
        continue
    key, value = line.split("\t", 1)
    attribute = escape(key, {'"': "&quot;"})
    if f'name="{attribute}"' in text:
        continue
    added.append(f'  <data name="{attribute}" xml:space="preserve"><value>{escape(value)}</value></data>\n')
text = text.replace("</root>", "".join(added) + "</root>")
open(path, "w", encoding="utf-8").write(text)
print(f"{len(added)} added")
