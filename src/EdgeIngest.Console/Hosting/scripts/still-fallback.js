// A request's preview still that cannot load (no video held there) becomes a sentence saying so.
document.querySelectorAll("img[data-still]").forEach(function (img) {
  function fallback() {
    var note = document.createElement("p");
    note.className = "still-missing";
    note.setAttribute("data-field", "no-video");
    note.textContent = "No video held here.";
    img.replaceWith(note);
  }
  if (img.complete && img.naturalWidth === 0) {
    fallback();
  } else {
    img.addEventListener("error", fallback);
  }
});
