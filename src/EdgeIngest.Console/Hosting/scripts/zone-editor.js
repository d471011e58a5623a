// The detection-zone editor on the camera page: corners are added by a tap or click on the
// picture and moved by dragging (mouse, pen or finger alike, through pointer events). The zone
// lives in the form's text field as "x,y x,y ..." fractions of the picture, so the page works
// without this script too (the corners can be typed), and the server checks it either way.
(function () {
  "use strict";
  var editor = document.querySelector("[data-zone-editor]");
  var field = document.querySelector("[data-zone-points]");
  if (!editor || !field) { return; }
  var picture = editor.querySelector("[data-zone-picture]");
  var svgNs = "http://www.w3.org/2000/svg";
  var points = parse(field.value);
  var dragging = -1;

  if (!picture) { return; }
  picture.draggable = false;

  var svg = document.createElementNS(svgNs, "svg");
  svg.setAttribute("viewBox", "0 0 1000 1000");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "zone-layer");
  svg.setAttribute("data-zone-layer", "");
  editor.appendChild(svg);

  // No frame to draw on (the camera has not delivered one yet): say so; the corners can still be typed.
  function noPicture() {
    picture.hidden = true;
    svg.style.display = "none";
    var empty = editor.querySelector("[data-zone-empty]");
    if (empty) { empty.hidden = false; }
  }
  picture.addEventListener("error", noPicture);
  if (picture.complete && picture.naturalWidth === 0) { noPicture(); }

  function parse(text) {
    return (text || "").trim().split(/\s+/).filter(Boolean).map(function (pair) {
      var xy = pair.split(",");
      return [parseFloat(xy[0]), parseFloat(xy[1])];
    }).filter(function (p) { return isFinite(p[0]) && isFinite(p[1]); });
  }

  function write() {
    field.value = points.map(function (p) { return p[0].toFixed(4) + "," + p[1].toFixed(4); }).join(" ");
    draw();
  }

  function draw() {
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    if (points.length > 0) {
      var shape = document.createElementNS(svgNs, points.length > 2 ? "polygon" : "polyline");
      shape.setAttribute("points", points.map(function (p) { return p[0] * 1000 + "," + p[1] * 1000; }).join(" "));
      shape.setAttribute("class", "zone-shape");
      svg.appendChild(shape);
    }
    points.forEach(function (p, i) {
      var corner = document.createElementNS(svgNs, "circle");
      corner.setAttribute("cx", p[0] * 1000);
      corner.setAttribute("cy", p[1] * 1000);
      corner.setAttribute("r", 14);
      corner.setAttribute("class", "zone-corner");
      corner.setAttribute("data-corner", i);
      svg.appendChild(corner);
    });
  }

  // The pointer's place as fractions of the picture, kept inside it.
  function at(event) {
    var box = svg.getBoundingClientRect();
    var x = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    var y = Math.min(1, Math.max(0, (event.clientY - box.top) / box.height));
    return [x, y];
  }

  svg.addEventListener("pointerdown", function (event) {
    event.preventDefault();
    var corner = event.target.getAttribute && event.target.getAttribute("data-corner");
    if (corner !== null && corner !== undefined) {
      dragging = parseInt(corner, 10);
      svg.setPointerCapture(event.pointerId);
      return;
    }
    points.push(at(event));
    write();
  });
  svg.addEventListener("pointermove", function (event) {
    if (dragging < 0) { return; }
    points[dragging] = at(event);
    write();
  });
  function release() { dragging = -1; }
  svg.addEventListener("pointerup", release);
  svg.addEventListener("pointercancel", release);

  field.addEventListener("input", function () { points = parse(field.value); draw(); });
  var undo = document.querySelector("[data-zone-undo]");
  if (undo) { undo.addEventListener("click", function () { points.pop(); write(); }); }
  var clear = document.querySelector("[data-zone-clear]");
  if (clear) { clear.addEventListener("click", function () { points = []; write(); }); }
  draw();
})();
