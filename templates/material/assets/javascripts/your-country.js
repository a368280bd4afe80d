/* Your country: chosen once on the home page or a help page, kept in this browser only
   (localStorage; nothing is sent anywhere). It puts that country's numbers first on the home page and
   makes "your help page" links go to its help page. Without JavaScript, or before a choice, every link
   goes to the list of countries. A file, not an inline script, so the CSP needs no exception. */
(function () {
  "use strict";

  var KEY = "onlinesafety.region";
  var NAME_KEY = "onlinesafety.regionName";
  var ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
  var HELP_INDEX = /(^|\/)help\/(index\.html)?$/;

  function load() {
    try {
      var id = window.localStorage.getItem(KEY);
      var name = window.localStorage.getItem(NAME_KEY) || "";
      return id && ID.test(id) ? { id: id, name: name } : null;
    } catch (error) {
      return null;  // storage blocked: behave as if nothing was chosen
    }
  }

  function save(id, name) {
    try {
      if (id) {
        window.localStorage.setItem(KEY, id);
        window.localStorage.setItem(NAME_KEY, name);
      } else {
        window.localStorage.removeItem(KEY);
        window.localStorage.removeItem(NAME_KEY);
      }
    } catch (error) { /* storage blocked: the choice lasts for this page only */ }
  }

  /* Links to the list of countries, in the page text or marked data-your-help, go to the reader's
     country instead (the address is kept so it can be put back). A link that says it is the list
     ("help routes by country", "all countries") stays the list. */
  var MEANS_THE_LIST = /by country|countries/i;

  function pointHelpLinks(region) {
    var links = document.querySelectorAll("article a[href], a[data-your-help]");
    Array.prototype.forEach.call(links, function (link) {
      var original = link.getAttribute("data-help-index") || link.getAttribute("href");
      if (!HELP_INDEX.test(original.split("#")[0])) return;
      if (!link.hasAttribute("data-your-help") && MEANS_THE_LIST.test(link.textContent)) return;
      link.setAttribute("data-help-index", original);
      link.setAttribute("href", region ? original.split("#")[0].replace(HELP_INDEX, "$1help/" + region.id + "/") : original);
      var label = link.querySelector("[data-your-help-label]");
      if (label) label.textContent = region && region.name ? "Help numbers: " + region.name : label.getAttribute("data-default") || label.textContent;
    });
  }

  /* Home page: the chosen country's numbers move into the "Worried right now?" box, first on the page. */
  function orderNumbers(region) {
    var list = document.querySelector("[data-country-numbers]");
    var slot = document.querySelector("[data-your-numbers]");
    if (!list || !slot) return;
    var blocks = Array.prototype.slice.call(document.querySelectorAll("[data-country-block]"));
    blocks.sort(function (a, b) { return Number(a.dataset.order) - Number(b.dataset.order); });
    blocks.forEach(function (block) { list.appendChild(block); });
    var chosen = region && list.querySelector('[data-country-block="' + region.id + '"]');
    if (chosen) slot.appendChild(chosen);
    slot.hidden = !chosen;
  }

  function setUpChooser(region) {
    var select = document.querySelector("[data-country-select]");
    if (!select || select.dataset.ready) return;
    select.dataset.ready = "yes";
    select.value = region ? region.id : "";
    select.closest("[data-country-chooser]").hidden = false;
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      save(select.value, select.value ? option.textContent : "");
      apply();
    });
  }

  /* Help page: a button to make this page's country the reader's own. */
  function setUpHelpPage(region) {
    var box = document.querySelector(".your-country[data-region]");
    if (!box || !ID.test(box.dataset.region)) return;
    box.textContent = "";
    var name = box.dataset.regionName || box.dataset.region;
    if (region && region.id === box.dataset.region) {
      var note = document.createElement("p");
      note.textContent = "This is your country: its numbers come first on the home page.";
      var change = document.createElement("button");
      change.type = "button";
      change.className = "md-button";
      change.textContent = "Forget my country";
      change.addEventListener("click", function () { save("", ""); apply(); });
      box.appendChild(note);
      box.appendChild(change);
    } else {
      var keep = document.createElement("button");
      keep.type = "button";
      keep.className = "md-button";
      keep.textContent = "Make " + name + " my country";
      keep.addEventListener("click", function () { save(box.dataset.region, name); apply(); });
      box.appendChild(keep);
    }
    box.hidden = false;
  }

  function apply() {
    var region = load();
    pointHelpLinks(region);
    orderNumbers(region);
    setUpChooser(region);
    setUpHelpPage(region);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", apply);
  } else {
    apply();
  }
})();
