"""Builds the hand-labelled validation set as a folder `./edgeingest eval` reads.

The plate-detection sets have plate boxes but no plate text. validation-labels.tsv gives the text of
69 of their plates, read by eye: single-plate images whose plate is at least 40 px wide, readable
with certainty, and *not* among the crops the plate recogniser is trained on (those the upstream
model read confidently, real_crops.py, which also skips these images whatever the teacher). Three
Romanian dashcam plates that other frames of the same videos show in training were taken out.
Pipeline choices (framings, thresholds) are made on this set, so the US evaluation set stays for
measuring. Most of these plates are European; the plate detector was trained on these images
(detection recall here is not a held-out figure), the recogniser was not. The images stay
outside the repository: this script writes JPEG copies (the Romanian frames are PNG files named
.jpg, and eval reads JPEG) and one OpenALPR-format annotation per image under --out. Half of the
images come from the Roboflow export, whose photos were stretched to 416x416; they are squashed
back (dataset.natural_aspect) so that their plates have a camera's proportions.

    /usr/bin/python3 training/plate-recognizer/validation_set.py --out /tmp/plate-validation
    ./edgeingest eval /tmp/plate-validation
"""
import argparse
import os
import sys

import cv2
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "plate-detector"))
from dataset import natural_aspect  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_DATASET = os.path.join(HERE, "..", "..", "..", "shared", "datasets", "plate-detection")


def labels(path):
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            image, x, y, w, h, text = line.rstrip("\n").split("\t")
            yield image, int(x), int(y), int(w), int(h), text


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dataset", default=DEFAULT_DATASET)
    parser.add_argument("--labels", default=os.path.join(HERE, "validation-labels.tsv"))
    parser.add_argument("--out", default="/tmp/plate-validation")
    args = parser.parse_args()

    os.makedirs(args.out, exist_ok=True)
    count = 0
    for index, (image, x, y, w, h, text) in enumerate(labels(args.labels)):
        source = os.path.join(args.dataset, image)
        pixels = cv2.imread(source)
        if pixels is None:
            raise SystemExit(f"{args.labels}: line {index + 2}: cannot read image {source}")
        # The Roboflow export's photos were stretched to 416x416: squashed back, its plates have
        # their true proportions, as a camera would show them (the label's box is scaled alike).
        set_name = image.replace("\\", "/").split("/")[0]
        pixels, boxes = natural_aspect(pixels, np.array([[x, y, x + w, y + h]], np.float32), set_name)
        x0, y0, x1, y1 = (int(round(float(v))) for v in boxes[0])
        name = f"validation-{index:03d}"
        cv2.imwrite(os.path.join(args.out, name + ".jpg"), pixels, [cv2.IMWRITE_JPEG_QUALITY, 95])
        with open(os.path.join(args.out, name + ".txt"), "w") as f:
            f.write(f"{name}.jpg\t{x0}\t{y0}\t{x1 - x0}\t{y1 - y0}\t{text}\n")
        count += 1
    print(f"{count} images with plate text in {args.out}")


if __name__ == "__main__":
    main()
