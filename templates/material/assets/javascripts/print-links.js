/* On paper a link is only useful with its address. The print stylesheet shows each of this site's
   own links with the full address this script records (the browser resolves the relative link
   against wherever the site is hosted); without the script, print shows the link as written. */
(function () {
  "use strict";
  function mark() {
    var links = document.querySelectorAll(".md-content a[href]");
    Array.prototype.forEach.call(links, function (link) {
      var written = link.getAttribute("href");
      if (/^(#|[a-z][a-z0-9+.-]*:)/i.test(written)) { return; }
      link.setAttribute("data-print-href", link.href);
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mark);
  } else {
    mark();
  }
}());
