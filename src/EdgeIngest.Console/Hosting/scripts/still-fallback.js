// A request's preview still that cannot load (no video held there) becomes a sentence saying so
// (with the link that opens it at full size).
document.querySelectorAll("img[data-still]").forEach(function (img) {
  function fallback() {
    var note = document.createElement("p");
    note.className = "still-missing";
    note.setAttribute("data-field", "no-video");
    note.textContent = "No video held here.";
    (img.parentElement.tagName === "A" ? img.parentElement : img).replaceWith(note);
  }
  if (img.complete && img.naturalWidth === 0) {
    fallback();
  } else {
    img.addEventListener("error", fallback);
  }
});
