// TypeDoc writes `navigationLinks` hrefs as given, so a site-relative link such as
// "documents/CLI.html" breaks on every page below the root. Each page states its way back to the
// root in <html data-base="../">; prefix the toolbar's relative links with it so they work from any
// page, wherever the site is hosted.
(function () {
  var base = document.documentElement.getAttribute('data-base') || './';
  var links = document.querySelectorAll('#tsd-toolbar-links a');
  for (var i = 0; i < links.length; i++) {
    var href = links[i].getAttribute('href') || '';
    if (!/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(href)) links[i].setAttribute('href', base + href);
  }
})();
