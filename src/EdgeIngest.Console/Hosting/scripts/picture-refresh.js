// Reloads every picture marked data-refresh every few seconds (the camera pictures on Status).
document.querySelectorAll("img[data-refresh]").forEach(function (img) {
  var base = img.getAttribute("src").split("?")[0];
  var seconds = Number(img.getAttribute("data-refresh")) || 3;
  setInterval(function () { img.src = base + "?t=" + Date.now(); }, seconds * 1000);
});
