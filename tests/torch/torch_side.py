#!/usr/bin/python3
"""The PyTorch side of the conformance tests: reads a JSON list of requests on stdin, writes the list of
answers as JSON on stdout (one process per list: importing torch takes seconds).

Runs with Debian's /usr/bin/python3 and python3-torch (1.13.1). Float32 values travel as their bit
patterns (signed 32-bit integers), so nothing is lost in decimal conversion. Requests:
  {"task": "info"}                                   → version and the CPU kernel PyTorch dispatches to
  {"task": "randn", "cases": [[seed, n], ...]}       → torch.manual_seed(seed); torch.randn(n), per case
  {"task": "print", "cases": [bits, ...]}            → str(torch.tensor(values)) per case
  {"task": "grad", "cases": [{"call", "x"}, ...]}    → y = eval(call) and dy/dx by autograd, per case, both
                                                       on the whole tensor and element by element
  {"task": "scripts", "scripts": [source, ...]}      → what each script prints (run in a fresh namespace)
  {"task": "judge", "cases": [{"call", "id", "params", "x", "y"}, ...]}
                                                     → PyTorch's float32 y = eval(call) per case, and where it is
                                                       more than 4 ulp from the given y, the mpmath value
                                                       (tests/reference/generate.py) rounded to float32
  {"task": "init", "cases": [{"scheme", "fan_in", "fan_out", "count", "value"}, ...]}
                                                     → `count` weights of (fan_out × fan_in) layers initialised by
                                                       nn.init (nn.Linear's own reset for torch_default, whose
                                                       biases follow), as float64, per case
Seeds arrive as decimal strings (they may exceed 2^53).
"""
import contextlib
import io
import json
import os
import re
import sys

import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'reference'))


def bits_of(t):
    return t.detach().contiguous().view(torch.int32).tolist()


def tensor_of(bits):
    return torch.tensor(bits, dtype=torch.int32).view(torch.float32)


def info(_):
    usage = re.search(r'CPU capability usage: ([^\n]+)', torch.__config__.show())
    return {'version': torch.__version__, 'capability': usage.group(1) if usage else 'unknown'}


def randn(request):
    out = []
    for seed, n in request['cases']:
        torch.manual_seed(int(seed))
        out.append(bits_of(torch.randn(n)))
    return out


def printed(request):
    return [str(tensor_of(bits)) for bits in request['cases']]


def value_and_grad(call, x):
    x = x.clone().requires_grad_(True)
    y = eval(call, {'torch': torch, 'x': x})  # the page's own code for the call
    y.backward(torch.ones_like(y))
    return y.detach(), x.grad


def grad(request):
    """f and f' on the whole tensor (PyTorch's vectorised loops), and on each element alone (its scalar loop:
    the two disagree at some kinks)."""
    out = []
    for case in request['cases']:
        x = tensor_of(case['x'])
        y, dy = value_and_grad(case['call'], x)
        alone = [value_and_grad(case['call'], x[i:i + 1]) for i in range(len(x))]
        out.append({'y': bits_of(y), 'dy': bits_of(dy),
                    'y1': bits_of(torch.cat([a[0] for a in alone])), 'dy1': bits_of(torch.cat([a[1] for a in alone]))})
    return out


def scripts(request):
    out = []
    for source in request['scripts']:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            exec(compile(source, '<generated script>', 'exec'), {'__name__': '__main__'})
        out.append(buffer.getvalue())
        if 'matplotlib.pyplot' in sys.modules:
            sys.modules['matplotlib.pyplot'].close('all')
    return out


def ordinal(bits):
    return -(bits & 0x7fffffff) if bits < 0 else bits


def judge(request):
    import generate  # mpmath, loaded only when needed
    out = []
    for case in request['cases']:
        x = tensor_of(case['x'])
        theirs = bits_of(eval(case['call'], {'torch': torch, 'x': x}))
        ref = {}
        for i, (a, b) in enumerate(zip(case['y'], theirs)):
            if abs(ordinal(a) - ordinal(b)) > 4:
                value, _ = generate.expected(generate.REFERENCE[case['id']], x[i].item(), case['params'], generate.to_f32)
                ref[i] = bits_of(torch.tensor([value], dtype=torch.float32))[0]
        out.append({'y': theirs, 'ref': ref})
    return out


def init(request):
    import math
    torch.manual_seed(0)
    schemes = {
        'torch_default': None,
        'zeros': torch.nn.init.zeros_,
        'constant': None,
        'xavier': torch.nn.init.xavier_uniform_,
        'xavier_normal': torch.nn.init.xavier_normal_,
        'he': lambda w: torch.nn.init.kaiming_normal_(w, nonlinearity='relu'),
        'lecun': lambda w: torch.nn.init.kaiming_normal_(w, nonlinearity='linear'),
    }
    out = []
    for case in request['cases']:
        weights, biases = [], []
        while len(weights) < case['count']:
            layer = torch.nn.Linear(case['fan_in'], case['fan_out']).double()
            with torch.no_grad():
                if case['scheme'] == 'constant':
                    torch.nn.init.constant_(layer.weight, case['value'])
                    torch.nn.init.zeros_(layer.bias)
                elif case['scheme'] != 'torch_default':
                    schemes[case['scheme']](layer.weight)
                    torch.nn.init.zeros_(layer.bias)
            weights += layer.weight.flatten().tolist()
            biases += layer.bias.tolist()
        out.append({'weights': weights[:case['count']], 'biases': biases})
    return out


TASKS = {'init': init, 'info': info, 'randn': randn, 'print': printed, 'grad': grad, 'scripts': scripts, 'judge': judge}

if __name__ == '__main__':
    json.dump([TASKS[req['task']](req) for req in json.load(sys.stdin)], sys.stdout)
