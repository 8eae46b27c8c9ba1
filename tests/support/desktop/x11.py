#!/usr/bin/env python3
# X11 helper for the real-window test (python3-xlib): list the windows on $DISPLAY, or ask one
# to close the way a window manager's close button does (a WM_DELETE_WINDOW client message),
# so the app sees a normal close rather than a killed connection.
#   x11.py list          -> one JSON line per top-level window: {"id", "name", "pid"}
#   x11.py close PID [NAME] -> closes every window of process PID (named NAME, if given); exit 1
#                              when it has none
#   x11.py blur             -> moves the keyboard focus off every window (to the root)
#   x11.py focused          -> JSON {"pid", "class"} of the top-level window holding the focus
#   x11.py icon ID          -> JSON {"width", "height"} of window ID's first _NET_WM_ICON image, or null
import json
import sys

from Xlib import X, display, protocol


def windows(d):
    root = d.screen().root
    net_pid = d.intern_atom("_NET_WM_PID")
    found = []

    def walk(win):
        for child in win.query_tree().children:
            try:
                name = child.get_wm_name()
                pid_prop = child.get_full_property(net_pid, X.AnyPropertyType)
            except Exception:
                continue
            if pid_prop is not None or name:
                pid = int(pid_prop.value[0]) if pid_prop is not None else None
                if isinstance(name, bytes):
                    name = name.decode("utf-8", "replace")
                found.append({"id": child.id, "name": name or "", "pid": pid, "win": child})
            walk(child)

    walk(root)
    return found


def main():
    d = display.Display()
    if sys.argv[1] == "list":
        for w in windows(d):
            print(json.dumps({k: v for k, v in w.items() if k != "win"}))
        return 0
    if sys.argv[1] == "close":
        pid = int(sys.argv[2])
        name = sys.argv[3] if len(sys.argv) > 3 else None
        targets = [w for w in windows(d) if w["pid"] == pid and (name is None or w["name"] == name)]
        if not targets:
            return 1
        protocols = d.intern_atom("WM_PROTOCOLS")
        delete = d.intern_atom("WM_DELETE_WINDOW")
        for w in targets:
            event = protocol.event.ClientMessage(
                window=w["win"], client_type=protocols, data=(32, [delete, X.CurrentTime, 0, 0, 0])
            )
            w["win"].send_event(event)
        d.flush()
        return 0
    if sys.argv[1] == "blur":
        d.set_input_focus(d.screen().root, X.RevertToPointerRoot, X.CurrentTime)
        d.sync()
        return 0
    if sys.argv[1] == "focused":
        net_pid = d.intern_atom("_NET_WM_PID")
        win = d.get_input_focus().focus
        # Walk up from the focused (child) window to the first one that names its process.
        while isinstance(win, type(d.screen().root)) and win.id != d.screen().root.id:
            prop = win.get_full_property(net_pid, X.AnyPropertyType)
            if prop is not None:
                wm_class = win.get_wm_class()
                print(json.dumps({"pid": int(prop.value[0]), "class": list(wm_class) if wm_class else None}))
                return 0
            win = win.query_tree().parent
        print(json.dumps({"pid": None, "class": None}))
        return 0
    if sys.argv[1] == "icon":
        win = d.create_resource_object("window", int(sys.argv[2]))
        prop = win.get_full_property(d.intern_atom("_NET_WM_ICON"), X.AnyPropertyType)
        if prop is None or len(prop.value) < 2:
            print("null")
        else:
            print(json.dumps({"width": int(prop.value[0]), "height": int(prop.value[1])}))
        return 0
    return 2


sys.exit(main())
