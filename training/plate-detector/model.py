"""PlateNet: a small anchor-free, single-class licence-plate detector (CenterNet-style).

Why this shape
- Plates are small: median 88x44 px in the appliance's 1280x720 frames, i.e. 44x22 px at the
  640x384 network input (frames are scaled by 0.5 and letterboxed), and the training sets go down
  to ~6x3 px. A detector that predicts at stride 4 (a 160x96 output grid) gives every plate several
  cells of heatmap even at that size; stride 8 would leave a 22 px-wide plate ~3 cells wide and
  merge neighbours.
- Anchor-free CenterNet head (heatmap of plate centres + size + sub-cell offset): one class, no
  anchor tuning for the plate's unusual aspect ratios (2:1 US, 4.7:1 EU, 1:1 motorcycle), and
  post-processing is a 3x3 local maximum plus a threshold, easy to port to C# exactly (decode.py).
- Backbone: plain 3x3 convolutions only (stride-2 convs, then ResNet basic blocks at strides 16
  and 32), widths 16-24-48-96-128. Depthwise-separable (MobileNet) blocks were tried first: on this
  CPU they ran at ~1.5 G MAC/s against ~36 G MAC/s for plain convs (torch 1.13, one thread), so a
  model with half the MACs was 10x slower to train and to run; plain convs are the fastest per
  FLOP on small x86 boxes. Stride 32 makes the receptive field cover a whole car at the 640 input
  (context tells a plate from a shop sign); an FPN-lite top-down path (1x1 laterals, nearest
  upsampling, add, 3x3 smoothing) brings that context back to stride 4.
- Size: ~0.8 M parameters (~3 MB of float32 ONNX, under the 5 MB budget), ~0.75 G MACs at
  640x384: ~20-30 ms on one x86 core. `width` scales every channel count for a later run.
- BatchNorm folds into the convolutions at export; ReLU everywhere (no exotic ops: Conv, Relu,
  Add, Sub, Mul, Resize(nearest), Sigmoid, Exp, Slice, Concat only).

Input: float32 [N, 3, H, W], channels B, G, R (the appliance's frames are BGR24), values 0..1
(byte / 255); the network normalises internally ((x - 0.45) / 0.25), so callers do not.
H and W must be multiples of 32; the shipped model is exported for 384x640.

Training outputs (forward): heatmap logits [N, 1, H/4, W/4] and raw regression [N, 4, H/4, W/4].
Exported outputs (PlateNetExport): see that class and decode.py.
"""

from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

STRIDE = 4
SIZE_LOG_CLAMP = (-3.0, 6.0)   # exp range for box sizes: 4*e^-3 = 0.2 px .. 4*e^6 = 1614 px


class ConvBNAct(nn.Sequential):
    def __init__(self, c_in, c_out, k=3, s=1, groups=1, act=True):
        layers = [nn.Conv2d(c_in, c_out, k, s, k // 2, groups=groups, bias=False), nn.BatchNorm2d(c_out)]
        if act:
            layers.append(nn.ReLU(inplace=True))
        super().__init__(*layers)


class ResBlock(nn.Module):
    """Two 3x3 convs with a skip: the plain ResNet basic block."""

    def __init__(self, c):
        super().__init__()
        self.a = ConvBNAct(c, c, 3)
        self.b = ConvBNAct(c, c, 3, act=False)

    def forward(self, x):
        return F.relu(x + self.b(self.a(x)))


def _ch(c, width):
    return max(8, int(round(c * width / 8)) * 8)


class PlateNet(nn.Module):
    def __init__(self, width: float = 1.0):
        super().__init__()
        c2, c4, c8, c16, c32, n4 = (_ch(c, width) for c in (16, 24, 48, 96, 128, 32))
        self.register_buffer("mean", torch.tensor(0.45).view(1, 1, 1, 1), persistent=False)
        self.register_buffer("inv_std", torch.tensor(1 / 0.25).view(1, 1, 1, 1), persistent=False)
        self.stem = nn.Sequential(ConvBNAct(3, c2, 3, 2), ConvBNAct(c2, c4, 3, 2))          # /4
        self.s8 = nn.Sequential(ConvBNAct(c4, c8, 3, 2), ConvBNAct(c8, c8, 3))               # /8
        self.s16 = nn.Sequential(ConvBNAct(c8, c16, 3, 2), ResBlock(c16))                    # /16
        self.s32 = nn.Sequential(ConvBNAct(c16, c32, 3, 2), ResBlock(c32))                   # /32
        # FPN-lite top-down path: 1x1 laterals, nearest x2 upsampling, add, one 3x3 to smooth
        self.lat32 = ConvBNAct(c32, c8, 1)
        self.lat16 = ConvBNAct(c16, c8, 1)
        self.smooth16 = ConvBNAct(c8, c8, 3)
        self.lat8 = ConvBNAct(c8, c8, 1)
        self.smooth8 = ConvBNAct(c8, c8, 3)
        self.reduce8 = ConvBNAct(c8, c4, 1)
        self.lat4 = ConvBNAct(c4, c4, 1)
        self.smooth4 = ConvBNAct(c4, n4, 3)
        # heads at stride 4: 1x1 only (every 3x3 at this resolution costs ~100 M MACs)
        self.hm_head = nn.Sequential(ConvBNAct(n4, n4, 1), nn.Conv2d(n4, 1, 1))
        self.reg_head = nn.Sequential(ConvBNAct(n4, n4, 1), nn.Conv2d(n4, 4, 1))
        self._init()

    def _init(self):
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
        # CenterNet prior: start the heatmap at p = 0.01 so the focal loss is not swamped at first
        nn.init.constant_(self.hm_head[-1].bias, -math.log((1 - 0.01) / 0.01))
        nn.init.normal_(self.hm_head[-1].weight, std=0.001)
        nn.init.normal_(self.reg_head[-1].weight, std=0.001)
        # size channels start at log(32 px / 4) so initial boxes are plate-sized
        with torch.no_grad():
            self.reg_head[-1].bias[2:].fill_(math.log(32 / STRIDE))

    def forward(self, x):
        x = (x - self.mean) * self.inv_std
        f4 = self.stem(x)
        f8 = self.s8(f4)
        f16 = self.s16(f8)
        f32 = self.s32(f16)
        p = self.lat32(f32)
        p = self.smooth16(self.lat16(f16) + F.interpolate(p, scale_factor=2.0, mode="nearest"))
        p = self.smooth8(self.lat8(f8) + F.interpolate(p, scale_factor=2.0, mode="nearest"))
        p = self.smooth4(self.lat4(f4) + F.interpolate(self.reduce8(p), scale_factor=2.0, mode="nearest"))
        return self.hm_head(p), self.reg_head(p)


def regression_to_box_maps(reg):
    """Raw regression -> (offset in cells 0..1, size in input pixels). Shared by training's loss,
    validation decoding and the export wrapper, so all three agree."""
    off = torch.sigmoid(reg[:, 0:2])
    # clamp(t, lo, hi) written as lo + relu(t - lo) - relu(t - hi): identical values, but exports
    # as Sub/Relu/Add instead of an opset-11 Clip with tensor bounds, which OpenCV's DNN importer
    # (our only local ONNX cross-check) rejects; ONNX Runtime runs either.
    lo, hi = SIZE_LOG_CLAMP
    t = reg[:, 2:4]
    t = lo + F.relu(t - lo) - F.relu(t - hi)
    wh = STRIDE * torch.exp(t)
    return off, wh


class PlateNetExport(nn.Module):
    """What the ONNX file computes. Outputs, for an input of H x W (grid h = H/4, w = W/4):

    heatmap: float32 [1, 1, h, w]  probability (0..1) that a plate centre lies in cell (y, x)
    box:     float32 [1, 4, h, w]  channel 0, 1: centre offset inside the cell, dx, dy in 0..1 cells
                                    channel 2, 3: plate width and height in INPUT pixels
    Plate centre in input pixels = ((x + dx) * 4, (y + dy) * 4). See decode.py.
    """

    def __init__(self, net: PlateNet):
        super().__init__()
        self.net = net

    def forward(self, x):
        hm, reg = self.net(x)
        off, wh = regression_to_box_maps(reg)
        return torch.sigmoid(hm), torch.cat([off, wh], dim=1)


def count_params(model):
    return sum(p.numel() for p in model.parameters())


def count_macs(model, h=384, w=640):
    """Multiply-accumulates of the convolutions for one image (hooks, no extra dependency)."""
    total = [0]

    def hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1] * (m.in_channels // m.groups)
        total[0] += out.numel() * k

    hs = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, nn.Conv2d)]
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, h, w))
    for hh in hs:
        hh.remove()
    return total[0]


if __name__ == "__main__":
    import time
    torch.set_num_threads(1)
    net = PlateNet().eval()
    print(f"params {count_params(net) / 1e6:.3f} M, MACs at 640x384 {count_macs(net) / 1e9:.3f} G")
    x = torch.rand(1, 3, 384, 640)
    with torch.no_grad():
        hm, reg = net(x)
        print("outputs", tuple(hm.shape), tuple(reg.shape))
        for _ in range(2):
            net(x)
        t = time.time()
        for _ in range(5):
            net(x)
    print(f"torch eager, 1 thread: {(time.time() - t) / 5 * 1000:.1f} ms / image")
