"""'Umów wizytę' and 'Pobierz numerek' for QML: choose a service, then a day and a time (or
take a number), and the printer gives the slip. Every question to the office runs on a
worker thread; an answer for an earlier step or resident is dropped."""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from ui.session_model import SessionModel

if TYPE_CHECKING:
    from kiosk.receipts import OfficeHours
    from kiosk.visits import Booking, Ticket, VisitsClient

log = logging.getLogger(__name__)
WEEKDAYS = {
    "pl": "pon. wt. śr. czw. pt. sob. niedz.", "en": "Mon Tue Wed Thu Fri Sat Sun",
    "uk": "пн вт ср чт пт сб нд", "de": "Mo. Di. Mi. Do. Fr. Sa. So.",
}  # fmt: skip


BOOKABLE_FRESH_S = 600.0


class VisitsModel(QObject):
    changed = Signal()
    bookableChanged = Signal()
    _heard = Signal(int, str, object)  # request number, what was asked, the answer
    _bookable_heard = Signal(object)  # the ids of the services the office books

    def __init__(
        self,
        client: Callable[[], VisitsClient | None],
        print_visit: Callable[[object, str], bool],
        notice_version: str,
        *,
        session: SessionModel,
        say: Callable[[str], None],
        phone: Callable[[], str] = lambda: "",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client, self._print, self._notice = client, print_visit, notice_version
        self._known_phone = phone  # said when the office cannot say its own
        self._session, self._say = session, say
        self._request = 0
        self._available = client() is not None
        self._bookable: list[str] = []
        self._bookable_at = -BOOKABLE_FRESH_S
        self._preselect = ""
        self._heard.connect(self._on_heard)
        self._bookable_heard.connect(self._on_bookable)
        session.wasReset.connect(self.clear)
        self.clear()

    # -- what QML shows ----------------------------------------------------------------

    def _get(self, name: str) -> Any:
        return self._state[name]

    available = Property(bool, lambda self: self._available, constant=True)
    bookable = Property(list, lambda self: self._bookable, notify=bookableChanged)
    mode = Property(str, lambda self: self._get("mode"), notify=changed)
    stage = Property(str, lambda self: self._get("stage"), notify=changed)
    busy = Property(bool, lambda self: self._get("busy"), notify=changed)
    problem = Property(str, lambda self: self._get("problem"), notify=changed)
    officePhone = Property(str, lambda self: self._get("phone"), notify=changed)
    officeHours = Property(str, lambda self: self._get("hours"), notify=changed)
    services = Property(list, lambda self: self._get("services"), notify=changed)
    days = Property(list, lambda self: self._days(), notify=changed)
    times = Property(list, lambda self: self._times(), notify=changed)
    chosen = Property(dict, lambda self: self._chosen(), notify=changed)
    result = Property(dict, lambda self: self._get("result"), notify=changed)

    def _days(self) -> list[dict[str, object]]:
        found: dict[str, int] = {}
        for slot in self._state["slots"]:
            found[slot.day] = found.get(slot.day, 0) + 1
        names = WEEKDAYS.get(self._session.session.language, WEEKDAYS["pl"]).split()
        return [{"day": day, "label": f"{names[dt.date.fromisoformat(day).weekday()]} "
                 f"{dt.date.fromisoformat(day).strftime('%d.%m')}", "count": count}
                for day, count in found.items()]  # fmt: skip

    def _times(self) -> list[dict[str, object]]:
        day, seen, times = self._state["day"], set(), []
        for index, slot in enumerate(self._state["slots"]):
            if slot.day == day and slot.time not in seen:  # one button per time: any desk
                seen.add(slot.time)
                times.append({"index": index, "time": slot.time})
        return times

    def _chosen(self) -> dict[str, str]:
        slot = self._state["slot"]
        service = self._state["service"]
        return {
            "service": service["name"] if service else "",
            "day": _shown(slot.day) if slot else "",
            "time": slot.time if slot else "",
            "desk": slot.desk if slot else "",
        }

    # -- what the resident does ----------------------------------------------------------

    @Slot(str)
    def start(self, mode: str) -> None:
        self.clear()
        self._state["mode"] = mode
        self._ask("services", lambda client: client.services())

    @Slot(str)
    def startFor(self, service_id: str) -> None:
        """From a service's card: book that service (its days come as soon as the office
        has listed its services)."""
        self.start("book")
        self._preselect = service_id

    @Slot()
    def refreshBookable(self) -> None:
        """Which services the office books, asked in the background at most every ten
        minutes (a card offers 'Umów wizytę' for those)."""
        client = self._client()
        now = time.monotonic()
        if client is None or now - self._bookable_at < BOOKABLE_FRESH_S:
            return
        self._bookable_at = now
        threading.Thread(target=self._ask_bookable, args=(client,), name="visits-services",
                         daemon=True).start()  # fmt: skip

    def _ask_bookable(self, client: VisitsClient) -> None:
        from kiosk.visits import VisitsUnavailable  # noqa: PLC0415

        try:
            _office, services = client.services()
        except VisitsUnavailable:
            self._bookable_heard.emit(None)
            return
        self._bookable_heard.emit([service.id for service in services])

    @Slot(object)
    def _on_bookable(self, ids: object) -> None:
        if ids is None:  # the office could not say: ask again at the next card
            self._bookable_at = -BOOKABLE_FRESH_S
            return
        if isinstance(ids, list) and ids != self._bookable:
            self._bookable = [str(i) for i in ids]
            self.bookableChanged.emit()

    @Slot(str)
    def chooseService(self, service_id: str) -> None:
        service = next((s for s in self._state["services"] if s["id"] == service_id), None)
        if service is None or self._state["busy"]:
            return
        self._state["service"] = service
        if self._state["mode"] == "ticket":
            self._ask("ticket", lambda client: client.ticket(service_id))
        else:
            self._ask("slots", lambda client: client.slots(service_id))

    @Slot(str)
    def chooseDay(self, day: str) -> None:
        self._update(day=day, stage="times")

    @Slot(int)
    def chooseTime(self, index: int) -> None:
        slots = self._state["slots"]
        if 0 <= index < len(slots):
            self._update(slot=slots[index], stage="confirm")

    @Slot()
    def confirm(self) -> None:
        slot, service = self._state["slot"], self._state["service"]
        if slot is None or service is None or self._state["busy"]:
            return
        language, notice = self._session.session.language, self._notice
        self._ask("booking", lambda client: client.book(service["id"], slot, language, notice))

    @Slot()
    def back(self) -> None:
        stage = self._state["stage"]
        earlier = {"times": "days", "confirm": "times", "days": "services"}.get(stage)
        if earlier:
            self._update(stage=earlier, problem="")

    @Slot()
    def clear(self) -> None:
        self._request += 1  # an answer still on its way is for nobody now
        self._preselect = ""
        self._state: dict[str, Any] = {
            "mode": "book", "stage": "services", "busy": False, "problem": "", "phone": "",
            "hours": "",
            "services": [], "service": None, "slots": [], "day": "", "slot": None,
            "result": {},
        }  # fmt: skip
        self.changed.emit()

    # -- the office's answers ----------------------------------------------------------

    def _ask(self, what: str, question: Callable[[VisitsClient], object]) -> None:
        client = self._client()
        if client is None:
            return
        self._request += 1
        self._update(busy=True, problem="")
        request, language = self._request, self._session.session.language
        threading.Thread(
            target=self._work, args=(request, what, question, client, language),
            name="visits", daemon=True,
        ).start()  # fmt: skip

    def _work(
        self, request: int, what: str, question: Callable[[VisitsClient], object],
        client: VisitsClient, language: str,
    ) -> None:  # fmt: skip
        from kiosk.visits import OfficeClosed, SlotTaken, VisitsUnavailable  # noqa: PLC0415

        try:
            answer: object = question(client)
            if what in ("booking", "ticket"):
                answer = (answer, self._print(answer, language))
        except SlotTaken:
            answer = "taken"
        except OfficeClosed:
            answer = "closed"
        except VisitsUnavailable:
            answer = "unavailable"
        except Exception:  # a bug here must still end the "Asking the office…"
            log.exception("visits: %s failed", what)
            answer = "unavailable"
        self._heard.emit(request, what, answer)

    @Slot(int, str, object)
    def _on_heard(self, request: int, what: str, answer: object) -> None:
        if request != self._request:
            return
        self._state["busy"] = False
        if isinstance(answer, str):
            self._refused(what, answer)
        elif what == "services" and isinstance(answer, tuple):
            office, services = answer
            self._update(phone=office.phone, stage="services", hours=self._hours(office.hours),
                         services=[{"id": s.id, "name": s.name} for s in services])  # fmt: skip
            preselect, self._preselect = self._preselect, ""
            if preselect:
                self.chooseService(preselect)
        elif what == "slots" and isinstance(answer, list):
            self._update(slots=answer, stage="days")
        elif isinstance(answer, tuple):
            visit, printed = answer
            self._update(stage="done", result=self._result(visit, printed))
            self._speak(self._state["result"])

    def _hours(self, hours: tuple[OfficeHours, ...]) -> str:
        """The office's hours of visits as it gave them: "pn. wt. ... 08:00-16:00"."""
        from kiosk.receipts import WORDS, hours_text  # noqa: PLC0415

        language = self._session.session.language
        return hours_text(hours, language if language in WORDS else "pl")

    def _refused(self, what: str, reason: str) -> None:
        words = {
            "taken": self.tr("Someone has just booked that time. Please choose another."),
            "closed": self.tr("The office takes no more visitors today."),
            "unavailable": self.tr("The office cannot be reached now; nothing was booked."),
        }
        if reason == "taken":
            self._update(problem=words["taken"], stage="days", slot=None)
            self._ask("slots", lambda client: client.slots(self._state["service"]["id"]))
            return
        if not self._state["phone"]:
            self._state["phone"] = self._known_phone()
        self._update(problem=words[reason])
        if self._state["problem"] and self._session.session.accessibility.read_aloud:
            phone = self._state["phone"]
            said = self.tr("Office phone: %1").replace("%1", phone) if phone else ""
            self._say(f"{self._state['problem']} {said}".strip())

    def _result(self, visit: Booking | Ticket, printed: bool) -> dict[str, object]:
        from kiosk.visits import Booking  # noqa: PLC0415

        if isinstance(visit, Booking):
            return {"kind": "booking", "code": visit.shown_code,
                    "day": _shown(visit.day), "time": visit.time, "desk": visit.desk,
                    "service": visit.service, "printed": printed}  # fmt: skip
        return {"kind": "ticket", "number": visit.number, "ahead": visit.ahead,
                "wait": visit.wait_min, "service": visit.service, "printed": printed}  # fmt: skip

    def _speak(self, result: dict[str, object]) -> None:
        if not self._session.session.accessibility.read_aloud:
            return
        if result.get("kind") == "ticket":
            self._say(self.tr("Your number is %1.").replace("%1", str(result["number"])))
        else:
            code = ", ".join(str(result["code"]).replace("-", ""))
            self._say(self.tr("Visit booked: %1 at %2. Visit code: %3.")
                      .replace("%1", str(result["day"])).replace("%2", str(result["time"]))
                      .replace("%3", code))  # fmt: skip

    def _update(self, **values: object) -> None:
        stage = self._state["stage"]
        self._state.update(values)
        self.changed.emit()
        if self._state["stage"] != stage or "services" in values:
            self._announce()

    def _announce(self) -> None:
        """Speech mode: each step says what to choose and how many choices there are."""
        if not self._session.session.accessibility.read_aloud or self._state["busy"]:
            return
        stage = self._state["stage"]
        counts = {"services": len(self._state["services"]), "days": len(self._days()),
                  "times": len(self._times())}  # fmt: skip
        prompts = {
            "services": self.tr("Choose the matter: %1 to choose from."),
            "days": self.tr("Choose a day: %1 days with free times."),
            "times": self.tr("Choose a time: %1 free times."),
        }
        if stage in prompts:
            self._say(prompts[stage].replace("%1", str(counts[stage])))
        elif stage == "confirm":
            chosen = self._chosen()
            self._say(self.tr("Book %1 on %2 at %3? Choose Book and print.")
                      .replace("%1", chosen["service"]).replace("%2", chosen["day"])
                      .replace("%3", chosen["time"]))  # fmt: skip


def _shown(day: str) -> str:
    return dt.date.fromisoformat(day).strftime("%d.%m.%Y")
