"""The plate alphabet and where its characters sit among PP-OCRv4's 6,625 output classes."""
PLATE_KEYS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def upstream_classes(keys_path):
    """Upstream class indices to keep, in our order: blank, the 36 plate keys, space (last)."""
    with open(keys_path, encoding="utf-8") as f:
        keys = [line.rstrip("\n") for line in f]
    index = {k: i + 1 for i, k in enumerate(keys)}
    return [0] + [index[c] for c in PLATE_KEYS] + [len(keys) + 1]


def write_keys(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(PLATE_KEYS) + "\n")


def greedy_decode(probabilities):
    """Greedy CTC over one [T, 38] row of probabilities, as EdgeIngest's CtcDecoder does (without
    its p < 0.3 drop): the text and each character's winning probability."""
    p, k = probabilities.max(-1)
    text, confidences, previous = [], [], 0
    for pk, kk in zip(p.tolist(), k.tolist()):
        if kk != previous and 0 < kk <= len(PLATE_KEYS):
            text.append(PLATE_KEYS[kk - 1])
            confidences.append(pk)
        previous = kk
    return "".join(text), confidences
