"""Compares the code-cell outputs of two notebooks, byte for byte after merging consecutive stream outputs of the
same name (Jupyter shows them as one; smartpulse run stores them merged). Prints each difference; exit 1 if any.
Usage: compare-outputs.py STORED.ipynb EXECUTED.ipynb"""
import json
import sys


def code_cells(path):
    with open(path, encoding="utf-8") as f:
        return [c for c in json.load(f)["cells"] if c["cell_type"] == "code"]


def merged(outputs):
    result = []
    for o in outputs:
        text = o.get("text")
        if isinstance(text, list):
            o = dict(o, text="".join(text))
        if o["output_type"] == "stream" and result and result[-1]["output_type"] == "stream" and result[-1]["name"] == o["name"]:
            result[-1] = dict(result[-1], text=result[-1]["text"] + o["text"])
        else:
            result.append(o)
    return [json.dumps(o, sort_keys=True, ensure_ascii=False) for o in result]


stored, executed = code_cells(sys.argv[1]), code_cells(sys.argv[2])
differences = 0
if len(stored) != len(executed):
    print(f"{sys.argv[1]}: {len(stored)} code cells stored, {len(executed)} executed")
    sys.exit(1)
for i, (a, b) in enumerate(zip(stored, executed), 1):
    left, right = merged(a.get("outputs", [])), merged(b.get("outputs", []))
    if left != right:
        differences += 1
        print(f"{sys.argv[1]}: code cell {i} (id {a.get('id')}): outputs differ")
        for x, y in zip(left, right):
            if x != y:
                print(f"  stored:   {x[:300]}\n  executed: {y[:300]}")
                break
        else:
            print(f"  {len(left)} output(s) stored, {len(right)} executed")
sys.exit(1 if differences else 0)
