/* Lesson finder: filters the full lesson list by band and topic. Without JavaScript the
   form stays hidden and every lesson is listed. No inline script, so the CSP needs no exception. */
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector("[data-lesson-finder]");
    var list = document.querySelector("[data-lesson-list]");
    if (!form || !list || form.dataset.ready) return;
    form.dataset.ready = "yes";
    var band = form.querySelector("#finder-band");
    var topic = form.querySelector("#finder-topic");
    var count = form.querySelector("[data-finder-count]");
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var params = new URLSearchParams(window.location.search);
    if (params.get("band")) band.value = params.get("band");
    if (params.get("topic")) topic.value = params.get("topic");

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var match = (!band.value || item.dataset.band === band.value) &&
                    (!topic.value || item.dataset.topic === topic.value);
        item.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown === 1 ? "1 lesson shown" : shown + " lessons shown";
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
