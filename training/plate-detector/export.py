"""Exports a train.py checkpoint to ONNX for the appliance (ONNX Runtime 1.30 on the C# side).

    /usr/bin/python3 training/plate-detector/export.py --checkpoint RUN/best.pt --output models/plate-detector.onnx

The file (opset 13, well inside the <= 17 the project accepts):
- input  "image":   float32 [1, 3, 384, 640], NCHW, channels B, G, R, values byte / 255 (0..1),
                     letterboxed top-left on grey 114 (decode.py, step 1). Static shape.
                     Normalisation ((x - 0.45) / 0.25) is inside the graph: feed byte / 255 only.
- output "heatmap": float32 [1, 1, 96, 160], plate-centre probability per stride-4 cell (sigmoid applied)
- output "box":     float32 [1, 4, 96, 160], dx, dy (0..1 cell offset), bw, bh (input pixels)
Post-processing (3x3 peak, threshold 0.3, box, un-letterbox, NMS 0.5) is in decode.py.
BatchNorm is folded into the convolutions (eval-mode export). The contract is also written into the
file's metadata_props so a loader can check it.

Checks: onnx.checker (full), shape inference of both outputs, one run with onnxruntime if it can be
imported (not installable on this machine), else one run with OpenCV's DNN module, compared with
torch on the same random input; prints the file size (the budget is 5 MB).
"""

from __future__ import annotations

import argparse
import os
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import decode as dec  # noqa: E402
from model import STRIDE, PlateNet, PlateNetExport, count_params  # noqa: E402

OPSET = 13
MAX_BYTES = 5 * 1024 * 1024


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--checkpoint", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--opset", type=int, default=OPSET)
    a = ap.parse_args()
    if a.opset > 17:
        sys.exit("opset must be <= 17 for the appliance")
    torch.set_num_threads(1)

    ck = torch.load(a.checkpoint, map_location="cpu")
    args = ck["args"]
    in_w, in_h = args.get("input_w", dec.INPUT_W), args.get("input_h", dec.INPUT_H)
    net = PlateNet(args.get("width", 1.0))
    net.load_state_dict(ck["model"])
    model = PlateNetExport(net).eval()
    x = torch.rand(1, 3, in_h, in_w, generator=torch.Generator().manual_seed(0))
    os.makedirs(os.path.dirname(os.path.abspath(a.output)), exist_ok=True)
    torch.onnx.export(model, x, a.output, opset_version=a.opset, input_names=["image"],
                      output_names=["heatmap", "box"], do_constant_folding=True,
                      training=torch.onnx.TrainingMode.EVAL)

    import onnx
    m = onnx.load(a.output)
    hist = ck.get("history") or [{}]
    last = hist[-1]
    meta = {
        "edgeingest.model": "plate-detector",
        "input": f"image float32 [1,3,{in_h},{in_w}] NCHW BGR byte/255, letterbox top-left, pad 114",
        "outputs": f"heatmap [1,1,{in_h // STRIDE},{in_w // STRIDE}] sigmoid; box [1,4,{in_h // STRIDE},"
                   f"{in_w // STRIDE}] dx,dy cells 0..1, bw,bh input px; stride {STRIDE}",
        "postprocess": "3x3 peak, score>=0.3, centre=((x+dx)*4,(y+dy)*4), /scale, NMS IoU 0.5",
        "stride": str(STRIDE),
        "trained_epochs": str(ck.get("epoch", -1) + 1),
        "val_ap50": f"{last.get('ap50', float('nan')):.4f}",
        "val_recall_at_0.3": f"{last.get('recall', float('nan')):.4f}",
        "val_precision_at_0.3": f"{last.get('precision', float('nan')):.4f}",
        "smoke": str(bool(args.get("smoke"))),
    }
    for k, v in meta.items():
        p = m.metadata_props.add()
        p.key, p.value = k, v
    m.producer_name = "EdgeIngest training/plate-detector/export.py"
    onnx.save(m, a.output)

    m = onnx.load(a.output)
    onnx.checker.check_model(m, full_check=True)
    inferred = onnx.shape_inference.infer_shapes(m)
    shapes = {o.name: [d.dim_value for d in o.type.tensor_type.shape.dim] for o in inferred.graph.output}
    ops = sorted({n.op_type for n in m.graph.node})
    size = os.path.getsize(a.output)
    print(f"wrote {a.output}: {size / 1e6:.2f} MB ({size} bytes), opset {a.opset}, "
          f"{count_params(net) / 1e6:.3f} M parameters, {len(m.graph.node)} nodes")
    print(f"ops: {', '.join(ops)}")
    print(f"input image {[d.dim_value for d in m.graph.input[0].type.tensor_type.shape.dim]}, outputs {shapes}")
    if size > MAX_BYTES:
        sys.exit(f"ONNX is {size} bytes, over the 5 MB budget")

    with torch.no_grad():
        ref_hm, ref_box = (t.numpy() for t in model(x))
    try:
        import onnxruntime as ort
        sess = ort.InferenceSession(a.output, providers=["CPUExecutionProvider"])
        run = lambda: sess.run(["heatmap", "box"], {"image": x.numpy()})  # noqa: E731
        engine = f"onnxruntime {ort.__version__}"
    except ImportError:
        print("onnxruntime is not importable here: skipped (the C# side loads the file with ONNX Runtime 1.30)")
        import cv2
        cvnet = cv2.dnn.readNetFromONNX(a.output)

        def run():
            cvnet.setInput(x.numpy())
            return cvnet.forward(["heatmap", "box"])
        engine = f"OpenCV DNN {cv2.__version__} (cross-check instead)"
    hm, box = run()
    t = time.perf_counter()
    for _ in range(5):
        run()
    ms = (time.perf_counter() - t) / 5 * 1000
    d_hm = float(np.abs(hm - ref_hm).max())
    d_box = float(np.abs(box - ref_box).max() / max(1.0, np.abs(ref_box).max()))
    print(f"{engine}: heatmap max |diff| vs torch {d_hm:.2e}, box max rel diff {d_box:.2e}, {ms:.1f} ms / image")
    if d_hm > 1e-3 or d_box > 1e-3:
        sys.exit("ONNX output does not match torch")


if __name__ == "__main__":
    main()
