// Present view: one slide at a time, arrow keys and buttons, answers revealed by the teacher.
// Nothing is stored but the reader's country for the help slide (in this browser only); nothing is sent.
(function () {
  "use strict";
  var REGION_KEY = "onlinesafety-region";
  var slides = Array.prototype.slice.call(document.querySelectorAll(".slide"));
  if (!slides.length) return;
  document.documentElement.classList.add("js");
  var count = document.getElementById("present-count");
  var buttons = document.querySelector(".present-buttons");
  var reveal = document.querySelector('[data-action="reveal"]');
  var current = 0;

  function fromHash() {
    var match = /^#slide-(\d+)$/.exec(location.hash);
    return match ? Math.min(Math.max(parseInt(match[1], 10) - 1, 0), slides.length - 1) : 0;
  }

  function show(index, focus) {
    current = Math.min(Math.max(index, 0), slides.length - 1);
    slides.forEach(function (slide, n) { slide.classList.toggle("is-current", n === current); });
    var slide = slides[current];
    var title = slide.querySelector("h1").textContent;
    count.textContent = "Slide " + (current + 1) + " of " + slides.length + ": " + title;
    reveal.hidden = !slide.querySelector(".answers");
    reveal.textContent = slide.classList.contains("is-revealed") ? "Hide answers" : "Show answers";
    if (location.hash !== "#slide-" + (current + 1)) history.replaceState(null, "", "#slide-" + (current + 1));
    if (focus) { slide.setAttribute("tabindex", "-1"); slide.focus({ preventScroll: true }); }
  }

  function toggleAnswers() {
    var slide = slides[current];
    if (!slide.querySelector(".answers")) return;
    var shown = slide.classList.toggle("is-revealed");
    slide.querySelectorAll(".feedback").forEach(function (node) { node.hidden = !shown; });
    reveal.textContent = shown ? "Hide answers" : "Show answers";
  }

  function fullScreen() {
    if (document.fullscreenElement) { document.exitFullscreen(); }
    else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen(); }
  }

  function chooseRegion(id) {
    var regions = document.querySelectorAll(".help-region");
    var known = Array.prototype.some.call(regions, function (node) { return node.dataset.region === id; });
    if (!known && regions.length) id = regions[0].dataset.region;
    regions.forEach(function (node) { node.classList.toggle("is-chosen", node.dataset.region === id); });
    document.querySelectorAll("#present-region").forEach(function (select) { select.value = id; });
    return id;
  }

  buttons.hidden = false;
  buttons.addEventListener("click", function (event) {
    var action = event.target.getAttribute("data-action");
    if (action === "next") show(current + 1, false);
    else if (action === "previous") show(current - 1, false);
    else if (action === "reveal") toggleAnswers();
    else if (action === "fullscreen") fullScreen();
  });
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "select" || tag === "input" || tag === "textarea" || event.altKey || event.ctrlKey || event.metaKey) return;
    if (tag === "button" && (event.key === " " || event.key === "Enter")) return;
    var key = event.key;
    if (key === "ArrowRight" || key === "PageDown" || key === " ") { show(current + 1, true); }
    else if (key === "ArrowLeft" || key === "PageUp") { show(current - 1, true); }
    else if (key === "Home") { show(0, true); }
    else if (key === "End") { show(slides.length - 1, true); }
    else if (key === "r" || key === "R") { toggleAnswers(); }
    else if (key === "f" || key === "F") { fullScreen(); }
    else { return; }
    event.preventDefault();
  });
  window.addEventListener("hashchange", function () { show(fromHash(), false); });

  var select = document.getElementById("present-region");
  if (select) {
    select.closest(".region-choice").hidden = false;
    var saved = null;
    try { saved = localStorage.getItem(REGION_KEY); } catch (error) { saved = null; }
    chooseRegion(saved || select.value);
    select.addEventListener("change", function () {
      var id = chooseRegion(select.value);
      try { localStorage.setItem(REGION_KEY, id); } catch (error) { /* private mode: choice lasts this page */ }
    });
  }
  show(fromHash(), false);
})();
