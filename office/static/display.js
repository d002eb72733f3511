// The waiting-room display: redraw the calls on every server-sent event, and read a new
// one out in Polish when the browser allows speech (many need a first click or a kiosk
// flag such as Chromium's --autoplay-policy=no-user-gesture-required).
"use strict";

(function () {
  const body = document.body;
  let newest = Number(body.dataset.newest || "0");

  function callItem(call, tag, className) {
    const item = document.createElement(tag);
    item.className = className;
    for (const [cls, text] of [["label", call.label], ["arrow", "→"], ["desk", call.desk]]) {
      const span = document.createElement("span");
      span.className = cls;
      span.textContent = text;
      if (cls === "arrow") span.setAttribute("aria-hidden", "true");
      item.appendChild(span);
    }
    return item;
  }

  function draw(calls) {
    if (!calls.length) return;
    const current = callItem(calls[0], "div", "call newest");
    current.querySelector(".label").id = "current-label";
    current.querySelector(".desk").id = "current-desk";
    document.getElementById("current").replaceChildren(current);
    const earlier = calls.slice(1).map((call) => callItem(call, "li", "call"));
    document.getElementById("earlier").replaceChildren(...earlier);
    return current;
  }

  function say(text) {
    body.dataset.spoken = text;
    if (!("speechSynthesis" in window)) return;
    const words = new SpeechSynthesisUtterance(text);
    words.lang = "pl-PL";
    window.speechSynthesis.speak(words);
  }

  const events = new EventSource(body.dataset.events);
  events.onmessage = function (event) {
    const data = JSON.parse(event.data);
    const current = draw(data.calls);
    const top = data.calls.length ? data.calls[0].id : 0;
    if (top > newest && current) {
      current.classList.add("fresh");
      say(data.speech);
    }
    newest = Math.max(newest, top);
  };
})();
