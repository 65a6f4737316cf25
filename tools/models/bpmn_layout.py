"""Redraws the diagram (BPMN DI) of a model from a hand-made grid layout, leaving its semantics untouched.

Developer tool, not used by the build. Usage:
    python3 tools/models/bpmn_layout.py            # every model in layouts.LAYOUTS
Rewrites the DI of complaint-process/src/main/resources/bpmn/<name>.bpmn in place. After adding elements to a
model, give them a cell in layouts.py and run this; or draw them in Camunda Modeler and drop the model from LAYOUTS.

A layout puts each flow node in a column and a row; columns are COL px apart, rows are named y coordinates.
Sequence flows are drawn orthogonally: straight when source and target share a row, otherwise along the route
given for the flow: (exit side of the source, y of a horizontal lane or None, entry side of the target).
Camunda Modeler opens the result; polish there if you like, then copy the DI back into src/ if you want to keep it.
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', '..', 'complaint-process', 'src', 'main', 'resources', 'bpmn')

NS = {'bpmn': 'http://www.omg.org/spec/BPMN/20100524/MODEL'}
COL = 150
X0 = 60
SIZES = {'task': (100, 80), 'gateway': (50, 50), 'event': (36, 36)}


def kind(tag):
    tag = tag.split('}')[1]
    if tag.endswith('Task') or tag in ('task', 'subProcess', 'callActivity'):
        return 'task'
    if tag.endswith('Gateway'):
        return 'gateway'
    return 'event'


class Box:
    def __init__(self, el_id, k, cx, cy):
        self.id, self.kind = el_id, k
        w, h = SIZES[k]
        self.w, self.h, self.cx, self.cy = w, h, cx, cy
        self.x, self.y = cx - w / 2, cy - h / 2

    def side(self, s):
        return {'left': (self.x, self.cy), 'right': (self.x + self.w, self.cy),
                'top': (self.cx, self.y), 'bottom': (self.cx, self.y + self.h)}[s]


def route(src, tgt, spec):
    if spec is None and getattr(src, 'expanded', False) and src.y < tgt.cy < src.y + src.h and tgt.cx > src.cx:
        return [(src.x + src.w, tgt.cy), tgt.side('left')]     # out of a sub-process, along the target's row
    if spec is None and getattr(tgt, 'expanded', False) and tgt.y < src.cy < tgt.y + tgt.h and tgt.cx > src.cx:
        return [src.side('right'), (tgt.x, src.cy)]            # into a sub-process, along the source's row
    if spec is None:
        if abs(src.cy - tgt.cy) < 1:
            return [src.side('right'), tgt.side('left')] if tgt.cx > src.cx else [src.side('left'), tgt.side('right')]
        if abs(src.cx - tgt.cx) < 1:
            return [src.side('bottom'), tgt.side('top')] if tgt.cy > src.cy else [src.side('top'), tgt.side('bottom')]
        # leave vertically, then run along the target's row into its side
        a = src.side('bottom' if tgt.cy > src.cy else 'top')
        b = tgt.side('left' if tgt.cx > src.cx else 'right')
        return [a, (a[0], b[1]), b]
    exit_side, lane, entry_side = spec
    a, b = src.side(exit_side), tgt.side(entry_side)
    pts = [a]
    if lane is None:
        if exit_side in ('top', 'bottom'):
            pts.append((a[0], b[1]))
        else:
            pts.append((b[0], a[1]))
    else:
        if exit_side in ('top', 'bottom'):
            pts += [(a[0], lane)]
        else:
            pts += [(a[0] + 20 if exit_side == 'right' else a[0] - 20, a[1]),
                    (a[0] + 20 if exit_side == 'right' else a[0] - 20, lane)]
        if entry_side in ('top', 'bottom'):
            pts += [(b[0], lane)]
        else:
            pts += [(b[0] - 20 if entry_side == 'left' else b[0] + 20, lane),
                    (b[0] - 20 if entry_side == 'left' else b[0] + 20, b[1])]
    pts.append(b)
    # drop repeated points
    out = []
    for p in pts:
        if not out or (abs(out[-1][0] - p[0]) > 0.5 or abs(out[-1][1] - p[1]) > 0.5):
            out.append(p)
    return out


def label_for_edge(points, text):
    (x1, y1), (x2, y2) = points[0], points[1]
    width = max(24, 14 * len(text))
    if abs(y1 - y2) < 1:   # horizontal first segment: label above it
        return (min(x1, x2) + 6, y1 - 22, width, 14)
    return (x1 + 6, min(y1, y2) + (abs(y2 - y1) / 2) - 7, width, 14)


def flow_nodes(container, parent=None):
    """Every flow node of a process or sub-process, depth first, with the sub-process it sits in."""
    for el in container:
        tag = el.tag.split('}')[1]
        if el.get('id') is None or tag in ('sequenceFlow', 'documentation', 'extensionElements', 'incoming', 'outgoing',
                                           'laneSet', 'textAnnotation', 'association'):
            continue
        yield el, parent
        if tag == 'subProcess':
            yield from flow_nodes(el, el)


def sub_process_box(sp, boxes, pad):
    """An expanded sub-process drawn around its content."""
    inner = [b for b in boxes.values() if getattr(b, 'parent', None) == sp.get('id')]
    if not inner:
        sys.exit('sub-process %s has no laid-out content' % sp.get('id'))
    x1 = min(b.x for b in inner) - pad
    x2 = max(b.x + b.w for b in inner) + pad * 2
    y1 = min(b.y for b in inner) - pad - 20
    y2 = max(b.y + b.h for b in inner) + pad
    box = Box(sp.get('id'), 'task', (x1 + x2) / 2, (y1 + y2) / 2)
    box.x, box.y, box.w, box.h = x1, y1, x2 - x1, y2 - y1
    box.cx, box.cy = x1 + box.w / 2, y1 + box.h / 2
    box.expanded = True
    return box


def build(name, layout):
    src = os.path.join(OUT, name + '.bpmn')
    text = open(src, encoding='utf-8').read()
    root = ET.fromstring(text)
    process = root.find('bpmn:process', NS)
    rows, cells, routes, boundaries = layout['rows'], layout['cells'], layout.get('routes', {}), layout.get('boundaries', {})
    pad = layout.get('padding', 30)

    boxes, names, subs, bounds = {}, {}, [], []
    for el, parent in flow_nodes(process):
        el_id, tag = el.get('id'), el.tag.split('}')[1]
        names[el_id] = el.get('name')
        if tag == 'boundaryEvent':
            bounds.append(el)
            continue
        if tag == 'subProcess':
            subs.append(el)
            continue
        if el_id not in cells:
            sys.exit('%s: no cell for %s' % (name, el_id))
        col, row = cells[el_id]
        boxes[el_id] = Box(el_id, kind(el.tag), X0 + col * COL, rows[row])
        boxes[el_id].parent = parent.get('id') if parent is not None else None
    for sp in reversed(subs):   # innermost first
        boxes[sp.get('id')] = sub_process_box(sp, boxes, pad)
        parent = next((p for e, p in flow_nodes(process) if e is sp), None)
        boxes[sp.get('id')].parent = parent.get('id') if parent is not None else None
    for el in bounds:
        host = boxes[el.get('attachedToRef')]
        offset = boundaries.get(el.get('id'), 0.7)
        b = Box(el.get('id'), 'event', host.x + host.w * offset, host.y + host.h)
        b.boundary = True
        b.right_half = offset > 0.5
        boxes[el.get('id')] = b

    shapes, edges = [], []
    for b in boxes.values():
        lab = ''
        if b.kind != 'task' and names.get(b.id):
            n = names[b.id]
            lw = max(40, 13 * len(n))
            lx, ly = b.cx - lw / 2, b.y + b.h + 4
            if getattr(b, 'boundary', False):   # beside the flow leaving downwards: left, or right on a host's right half
                lx, ly = (b.cx + 10 if getattr(b, 'right_half', False) else b.cx - lw - 10), b.y + b.h
            if b.kind == 'gateway':   # upper left, clear of flows leaving through the top or bottom vertex
                lx, ly = b.cx - lw - 6, b.y - 12
            lab = '\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x="%d" y="%d" width="%d" height="14" />\n        </bpmndi:BPMNLabel>' % (lx, ly, lw)
        extra = ' isMarkerVisible="true"' if b.kind == 'gateway' else ''
        if getattr(b, 'expanded', False):
            extra = ' isExpanded="true"'
        shapes.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s>\n        <dc:Bounds x="%d" y="%d" width="%d" height="%d" />%s\n      </bpmndi:BPMNShape>'
                      % (b.id, b.id, extra, b.x, b.y, b.w, b.h, lab))
    for f in process.iter('{%s}sequenceFlow' % NS['bpmn']):
        pts = route(boxes[f.get('sourceRef')], boxes[f.get('targetRef')], routes.get(f.get('id')))
        wps = '\n'.join('        <di:waypoint x="%d" y="%d" />' % p for p in pts)
        lab = ''
        if f.get('name'):
            lx, ly, lw, lh = label_for_edge(pts, f.get('name'))
            lab = '\n        <bpmndi:BPMNLabel>\n          <dc:Bounds x="%d" y="%d" width="%d" height="%d" />\n        </bpmndi:BPMNLabel>' % (lx, ly, lw, lh)
        edges.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">\n%s%s\n      </bpmndi:BPMNEdge>' % (f.get('id'), f.get('id'), wps, lab))

    # sub-processes first, so that their content is drawn on top of them
    shapes.sort(key=lambda sh: 0 if 'isExpanded' in sh else 1)
    di = ('  <bpmndi:BPMNDiagram id="BPMNDiagram_%s">\n    <bpmndi:BPMNPlane id="BPMNPlane_%s" bpmnElement="%s">\n%s\n%s\n    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n'
          % (process.get('id'), process.get('id'), process.get('id'), '\n'.join(shapes), '\n'.join(edges)))
    text = re.sub(r'\s*<bpmndi:BPMNDiagram.*</bpmndi:BPMNDiagram>', '', text, flags=re.S)
    text = text.replace('</bpmn:definitions>', di + '</bpmn:definitions>')
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name + '.bpmn'), 'w', encoding='utf-8') as fh:
        fh.write(text)
    print('laid out', name)


sys.path.insert(0, HERE)
from layouts import LAYOUTS  # noqa: E402

if __name__ == '__main__':
    for model, spec in LAYOUTS.items():
        build(model, spec)
