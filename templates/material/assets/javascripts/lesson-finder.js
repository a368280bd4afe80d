/* Lesson finder: filters the full lesson list by band and topic. Without JavaScript the
   form stays hidden and every lesson is listed. No inline script, so the CSP needs no exception.
   - Each change of filter becomes the page's address (?band=…&topic=…), so it can be shared and the
     browser's back button returns to the previous filter.
   - A combination with no lesson says why (which ages the topic is taught at) and offers the nearest
     lessons: the same topic at the closest ages. */
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
    var empty = document.querySelector("[data-finder-empty]");
    var items = Array.prototype.slice.call(list.querySelectorAll("li"));
    var bandOrder = Array.prototype.map.call(band.options, function (option) { return option.value; });

    function optionLabel(select, value) {
      var option = Array.prototype.filter.call(select.options, function (o) { return o.value === value; })[0];
      return option ? option.textContent : value;
    }

    function fromAddress() {
      var params = new URLSearchParams(window.location.search);
      band.value = bandOrder.indexOf(params.get("band") || "") >= 0 ? params.get("band") || "" : "";
      var wanted = params.get("topic") || "";
      topic.value = Array.prototype.some.call(topic.options, function (o) { return o.value === wanted; }) ? wanted : "";
    }

    function toAddress() {
      var params = new URLSearchParams(window.location.search);
      [["band", band.value], ["topic", topic.value]].forEach(function (pair) {
        if (pair[1]) { params.set(pair[0], pair[1]); } else { params.delete(pair[0]); }
      });
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      if (address !== window.location.pathname + window.location.search + window.location.hash) {
        window.history.pushState({ finder: true }, "", address);
      }
    }

    function explain() {
      while (empty.firstChild) { empty.removeChild(empty.firstChild); }
      var sameTopic = items.filter(function (item) { return item.dataset.topic === topic.value; });
      var bands = [];
      sameTopic.forEach(function (item) { if (bands.indexOf(item.dataset.band) < 0) bands.push(item.dataset.band); });
      var why = document.createElement("p");
      why.textContent = "There is no lesson on " + optionLabel(topic, topic.value).toLowerCase() + " for " +
        optionLabel(band, band.value).toLowerCase() + ". " + (bands.length
          ? "This topic is taught at " + bands.map(function (b) { return optionLabel(band, b).toLowerCase(); }).join(", ") + "."
          : "There are no lessons on this topic yet.");
      empty.appendChild(why);
      var here = bandOrder.indexOf(band.value);
      var nearest = sameTopic.slice().sort(function (a, b) {
        return Math.abs(bandOrder.indexOf(a.dataset.band) - here) - Math.abs(bandOrder.indexOf(b.dataset.band) - here);
      }).slice(0, 2);
      if (nearest.length) {
        var intro = document.createElement("p");
        intro.textContent = "The nearest lessons:";
        empty.appendChild(intro);
        var suggestions = document.createElement("ul");
        nearest.forEach(function (item) {
          var entry = document.createElement("li");
          var link = item.querySelector("a").cloneNode(true);
          entry.appendChild(link);
          entry.appendChild(document.createTextNode(" (" + optionLabel(band, item.dataset.band) + ")"));
          suggestions.appendChild(entry);
        });
        empty.appendChild(suggestions);
      }
      empty.hidden = false;
    }

    function apply() {
      var shown = 0;
      items.forEach(function (item) {
        var match = (!band.value || item.dataset.band === band.value) &&
                    (!topic.value || item.dataset.topic === topic.value);
        item.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = shown === 0 ? "No lessons match these filters." :
        shown === 1 ? "1 lesson shown" : shown + " lessons shown";
      if (empty) {
        if (shown === 0) { explain(); } else { empty.hidden = true; }
      }
    }

    form.addEventListener("change", function () { toAddress(); apply(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    window.addEventListener("popstate", function () { fromAddress(); apply(); });
    fromAddress();
    form.hidden = false;
    apply();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
