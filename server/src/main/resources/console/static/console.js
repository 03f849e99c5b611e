// The console's only script of its own: keep the keyboard where it was when htmx redraws the board.
(function () {
  var lastTask = null;
  document.addEventListener("htmx:beforeRequest", function (e) {
    var card = document.activeElement && document.activeElement.closest && document.activeElement.closest("[data-task]");
    lastTask = card ? card.getAttribute("data-task") : null;
  });
  document.addEventListener("htmx:afterSwap", function () {
    if (!lastTask) return;
    var title = document.querySelector('[data-task="' + lastTask + '"] .title');
    if (title) title.focus();
  });
})();
