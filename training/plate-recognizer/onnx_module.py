"""PP-OCRv4 recognition as a trainable PyTorch module, read straight from its ONNX file.

No ONNX-to-PyTorch converter is installable here, and the graph is small and plain (opset 9,
25 op types), so this runs the ONNX graph node by node with torch operations. The Paddle weights
(Constant nodes named like `conv2d_145.w_0`) become parameters; batch-norm statistics stay fixed.
Because the graph itself is never rebuilt, export writes the trained values back into the same
Constant nodes: the shipped model is the upstream graph with new weights, so whatever runs the
upstream model runs ours.
"""
import copy

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import helper, numpy_helper

HEAD_WEIGHT = "linear_85.w_0"
HEAD_BIAS = "linear_85.b_0"
_ONNX_TO_TORCH = {1: torch.float32, 6: torch.int32, 7: torch.int64, 9: torch.bool, 11: torch.float64}


def _is_weight(name, array):
    # Paddle names weights `<layer>.w_0` and biases `<layer>.b_0`; batch norm's w_1/w_2 are its
    # running mean and variance, which must not move with small batches.
    return array.dtype == np.float32 and array.ndim >= 1 and (name.endswith(".w_0") or name.endswith(".b_0"))


class OnnxRecognizer(torch.nn.Module):
    def __init__(self, path, classes=None):
        """`classes`: indices of the upstream output classes to keep (blank first), or None for all."""
        super().__init__()
        self.model = onnx.load(path)
        self.nodes = []
        self.param_names = {}
        self.fixed = {}
        self.params = torch.nn.ParameterDict()
        for node in self.model.graph.node:
            attrs = {a.name: helper.get_attribute_value(a) for a in node.attribute}
            if node.op_type == "Constant":
                name = node.output[0]
                array = numpy_helper.to_array(attrs["value"]).copy()
                if classes is not None and name == HEAD_WEIGHT:
                    array = array[:, classes]
                elif classes is not None and name == HEAD_BIAS:
                    array = array[classes]
                if _is_weight(name, array):
                    key = name.replace(".", "_")
                    self.params[key] = torch.nn.Parameter(torch.from_numpy(array))
                    self.param_names[name] = key
                else:
                    self.fixed[name] = torch.from_numpy(array)
                continue
            self.nodes.append((node.op_type, list(node.input), list(node.output), attrs))
        self.input_name = self.model.graph.input[0].name
        self.output_name = self.model.graph.output[0].name

    def forward(self, x):
        """Logits [N, T, C] (the graph's final softmax is left out, for CTC training)."""
        env = dict(self.fixed)
        for name, key in self.param_names.items():
            env[name] = self.params[key]
        env[self.input_name] = x
        for op, inputs, outputs, attrs in self.nodes:
            if op == "Softmax" and outputs[0] == self.output_name:
                return env[inputs[0]]
            args = [env[i] if i else None for i in inputs]
            env[outputs[0]] = _run(op, args, attrs)
        raise RuntimeError("the graph has no final softmax")

    def export(self, path, half=False):
        """Writes the graph with the current weights into `path`; `half` stores large weights as
        float16 with a Cast back to float32 (ONNX Runtime folds the casts when it loads)."""
        model = copy.deepcopy(self.model)
        graph = model.graph
        new_nodes = []
        for node in graph.node:
            name = node.output[0] if node.op_type == "Constant" else None
            if name in self.param_names:
                value = self.params[self.param_names[name]].detach().cpu().numpy().astype(np.float32)
                if half and value.size >= 1024:
                    node.attribute[0].t.CopyFrom(numpy_helper.from_array(value.astype(np.float16), name + "_f16"))
                    node.output[0] = name + "_f16"
                    new_nodes.append(node)
                    new_nodes.append(helper.make_node("Cast", [name + "_f16"], [name], to=1))
                    continue
                node.attribute[0].t.CopyFrom(numpy_helper.from_array(value, name))
            new_nodes.append(node)
        del graph.node[:]
        graph.node.extend(new_nodes)
        set_class_count(model, self.params[self.param_names[HEAD_BIAS]].shape[0])
        onnx.checker.check_model(model)
        onnx.save(model, path)


def set_class_count(model, classes):
    """Makes the declared output shape [N, T, classes] agree with a cut head (ONNX Runtime warns otherwise)."""
    dims = model.graph.output[0].type.tensor_type.shape.dim
    dims[len(dims) - 1].ClearField("dim_param")
    dims[len(dims) - 1].dim_value = classes
    for info in model.graph.value_info:
        if info.name in (HEAD_BIAS, HEAD_WEIGHT):
            model.graph.value_info.remove(info)


def _slice(x, attrs):
    index = [slice(None)] * x.dim()
    for axis, start, end in zip(attrs["axes"], attrs["starts"], attrs["ends"]):
        index[axis] = slice(start, min(end, x.shape[axis]))
    return x[tuple(index)]


def _reshape(x, shape):
    dims = [int(d) for d in shape.tolist()]
    dims = [x.shape[i] if d == 0 else d for i, d in enumerate(dims)]
    return x.reshape(dims)


def _conv(x, w, b, attrs):
    pads = attrs.get("pads", [0, 0, 0, 0])
    if pads[0] != pads[2] or pads[1] != pads[3]:
        x = F.pad(x, (pads[1], pads[3], pads[0], pads[2]))
        padding = 0
    else:
        padding = (pads[0], pads[1])
    return F.conv2d(x, w, b, stride=attrs.get("strides", [1, 1]), padding=padding,
                    dilation=attrs.get("dilations", [1, 1]), groups=attrs.get("group", 1))


def _run(op, a, attrs):
    if op == "Conv":
        return _conv(a[0], a[1], a[2] if len(a) > 2 else None, attrs)
    if op == "BatchNormalization":
        return F.batch_norm(a[0], a[3], a[4], a[1], a[2], training=False, eps=attrs.get("epsilon", 1e-5))
    if op == "Add":
        return a[0] + a[1]
    if op == "Sub":
        return a[0] - a[1]
    if op == "Mul":
        return a[0] * a[1]
    if op == "Div":
        return a[0] / a[1]
    if op == "Pow":
        return torch.pow(a[0], a[1])
    if op == "Sqrt":
        return torch.sqrt(a[0])
    if op == "Relu":
        return F.relu(a[0])
    if op == "Sigmoid":
        return torch.sigmoid(a[0])
    if op == "HardSigmoid":
        return torch.clamp(attrs.get("alpha", 0.2) * a[0] + attrs.get("beta", 0.5), 0, 1)
    if op == "Clip":
        return torch.clamp(a[0], attrs.get("min", -3.4e38), attrs.get("max", 3.4e38))
    if op == "GlobalAveragePool":
        return a[0].mean(dim=(2, 3), keepdim=True)
    if op == "AveragePool":
        assert not any(attrs.get("pads", [0])), "padded average pooling is not used by this graph"
        return F.avg_pool2d(a[0], attrs["kernel_shape"], attrs["strides"])
    if op == "Shape":
        return torch.tensor(a[0].shape, dtype=torch.int64)
    if op == "Cast":
        return a[0].to(_ONNX_TO_TORCH[attrs["to"]])
    if op == "Slice":
        return _slice(a[0], attrs)
    if op == "Concat":
        return torch.cat(a, dim=attrs["axis"])
    if op == "Reshape":
        return _reshape(a[0], a[1])
    if op == "Transpose":
        return a[0].permute(*attrs["perm"])
    if op == "ReduceMean":
        return a[0].mean(dim=attrs["axes"], keepdim=bool(attrs.get("keepdims", 1)))
    if op == "MatMul":
        return torch.matmul(a[0], a[1])
    if op == "Softmax":
        return torch.softmax(a[0], dim=attrs.get("axis", 1))
    if op == "Squeeze":
        return a[0].squeeze(attrs["axes"][0]) if len(attrs["axes"]) == 1 else a[0].squeeze()
    raise NotImplementedError(op)
