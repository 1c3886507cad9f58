/*
 * Drag-and-drop on the progress board (进度看板) with the browser's own
 * HTML5 drag events: no library, since none can be installed without npm
 * and a CDN is never allowed on an offline intranet.
 *
 * A drop fills the board's one move form (task, status, position) and
 * submits it; htmx posts it and swaps the whole board, so the server stays
 * the only judge of what a move does (a reason for 阻塞, a review before
 * 已完成). Listeners sit on the document, so they survive every swap.
 * Each card also has buttons and a status select: the keyboard way.
 */
(function () {
  "use strict";

  var dragged = null;
  var marker = document.createElement("li");
  marker.className = "board-drop-marker";
  marker.setAttribute("aria-hidden", "true");

  function closest(target, selector) {
    return target && target.closest ? target.closest(selector) : null;
  }

  // The card the pointer is above the middle of: the drop goes before it.
  function cardBelow(list, y) {
    var cards = list.querySelectorAll("[data-task]");
    for (var i = 0; i < cards.length; i++) {
      if (cards[i] === dragged) continue;
      var box = cards[i].getBoundingClientRect();
      if (y < box.top + box.height / 2) return cards[i];
    }
    return null;
  }

  function cleanUp() {
    if (dragged) dragged.classList.remove("is-dragging");
    document.querySelectorAll(".board-list.is-over").forEach(function (el) {
      el.classList.remove("is-over");
    });
    if (marker.parentNode) marker.parentNode.removeChild(marker);
    dragged = null;
  }

  // `before` names the card the drop landed above: with filters on, the
  // server places the task by it, since the shown index is not the column's.
  function submitMove(task, status, position, before) {
    var form = document.getElementById("board-move-form");
    if (!form) return;
    form.elements.task.value = task;
    form.elements.status.value = status;
    form.elements.position.value = String(position);
    form.elements.before.value = before;
    if (form.requestSubmit) form.requestSubmit();
    else form.submit();
  }

  document.addEventListener("dragstart", function (event) {
    var card = closest(event.target, "[data-board-card]");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    // Firefox starts no drag without some data.
    event.dataTransfer.setData("text/plain", card.dataset.task);
    card.classList.add("is-dragging");
  });

  document.addEventListener("dragover", function (event) {
    if (!dragged) return;
    var list = closest(event.target, "[data-board-list]");
    if (!list) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "move";
    document.querySelectorAll(".board-list.is-over").forEach(function (el) {
      if (el !== list) el.classList.remove("is-over");
    });
    list.classList.add("is-over");
    var before = cardBelow(list, event.clientY);
    if (before) list.insertBefore(marker, before);
    else list.appendChild(marker);
  });

  document.addEventListener("drop", function (event) {
    if (!dragged) return;
    var list = closest(event.target, "[data-board-list]");
    if (!list) return;
    event.preventDefault();
    if (!marker.parentNode) list.appendChild(marker);
    var position = 0;
    var before = "";
    var items = list.querySelectorAll("[data-task], .board-drop-marker");
    for (var i = 0; i < items.length; i++) {
      if (items[i] === marker) {
        for (var j = i + 1; j < items.length; j++) {
          if (items[j] !== dragged) {
            before = items[j].dataset.task;
            break;
          }
        }
        break;
      }
      if (items[i] !== dragged) position++;
    }
    var task = dragged.dataset.task;
    var same = list.dataset.status === dragged.dataset.status;
    var unmoved = same && Number(dragged.dataset.index) === position;
    cleanUp();
    if (!unmoved) submitMove(task, list.dataset.status, position, before);
  });

  document.addEventListener("dragend", cleanUp);

  // The keyboard way: the arrows and the status select under each card.
  document.addEventListener("click", function (event) {
    var button = closest(event.target, "[data-move] button");
    if (!button) return;
    submitMove(closest(button, "[data-task]").dataset.task, button.value, "", "");
  });
  document.addEventListener("change", function (event) {
    var select = closest(event.target, "[data-move] select");
    if (!select) return;
    submitMove(closest(select, "[data-task]").dataset.task, select.value, "", "");
  });
})();

/*
 * A refused move (400/403/409) answers with the board showing why; htmx
 * leaves error answers unswapped unless told to, so it is told here, for
 * the board only.
 */
document.addEventListener("htmx:beforeSwap", function (event) {
  var detail = event.detail;
  var status = detail.xhr ? detail.xhr.status : 0;
  if (status >= 400 && status < 500 && detail.target && detail.target.id === "board") {
    detail.shouldSwap = true;
    detail.isError = false;
  }
});

