import QtQuick

// A tap as a resident means it: released on the control (an exclusive grab on press, so
// it never reaches what lies beneath) and moved no further than a finger wobbles. A swipe
// that begins on a button is not a tap, also where no Flickable takes it over: a sideways
// swipe, or a swipe down a list already at its top, opened the button under the finger.
TapHandler {
    id: tap
    signal touched()
    // A finger's wobble: half a touch target (~40 px on a kiosk screen), never less than
    // the platform's drag distance.
    readonly property real wobble: Math.max(theme.touch * 0.5, Qt.styleHints.startDragDistance)
    gesturePolicy: TapHandler.ReleaseWithinBounds
    onTapped: {
        const moved = Math.hypot(tap.point.position.x - tap.point.pressPosition.x,
                                 tap.point.position.y - tap.point.pressPosition.y)
        if (moved <= tap.wobble)
            tap.touched()
    }
}
