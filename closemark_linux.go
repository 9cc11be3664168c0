//go:build linux && desktop

package main

/*
#cgo pkg-config: gtk+-3.0
#include <gtk/gtk.h>

// findWebView returns the first WebKitWebView inside w, or NULL.
static GtkWidget *findWebView(GtkWidget *w) {
	if (g_strcmp0(G_OBJECT_TYPE_NAME(w), "WebKitWebView") == 0) return w;
	if (!GTK_IS_CONTAINER(w)) return NULL;
	GList *kids = gtk_container_get_children(GTK_CONTAINER(w));
	GtkWidget *found = NULL;
	for (GList *l = kids; l != NULL && found == NULL; l = l->next) found = findWebView(GTK_WIDGET(l->data));
	g_list_free(kids);
	return found;
}

// sendMark runs on the GTK main thread. It first reads every event the
// display server has already sent (gdk_display_sync) and dispatches them in
// order, so each typed key is in WebKit's key queue; then it hands the web
// view one more key press, the close mark, which WebKit delivers to the page
// only after every key before it. It returns G_SOURCE_REMOVE.
static gboolean sendMark(gpointer data) {
	int *ok = data;
	GtkWidget *view = NULL;
	GList *tops = gtk_window_list_toplevels();
	for (GList *l = tops; l != NULL && view == NULL; l = l->next) view = findWebView(GTK_WIDGET(l->data));
	g_list_free(tops);
	GdkWindow *gw = view ? gtk_widget_get_window(view) : NULL;
	if (gw == NULL) {
		g_atomic_int_set(ok, 2);
		return G_SOURCE_REMOVE;
	}
	GdkDisplay *display = gdk_window_get_display(gw);
	gdk_display_sync(display);
	GdkEvent *ev;
	while ((ev = gdk_display_get_event(display)) != NULL) {
		gtk_main_do_event(ev);
		gdk_event_free(ev);
	}
	GdkEvent *mark = gdk_event_new(GDK_KEY_PRESS);
	mark->key.window = g_object_ref(gw);
	mark->key.send_event = TRUE;
	mark->key.time = GDK_CURRENT_TIME;
	mark->key.state = GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_MOD1_MASK;
	mark->key.keyval = GDK_KEY_F12;
	GdkKeymapKey *keys = NULL;
	gint n = 0;
	if (gdk_keymap_get_entries_for_keyval(gdk_keymap_get_for_display(display), GDK_KEY_F12, &keys, &n) && n > 0) {
		mark->key.hardware_keycode = keys[0].keycode;
		mark->key.group = keys[0].group;
	}
	g_free(keys);
	GdkSeat *seat = gdk_display_get_default_seat(display);
	if (seat != NULL) gdk_event_set_device(mark, gdk_seat_get_keyboard(seat));
	gtk_widget_event(view, mark);
	gdk_event_free(mark);
	g_atomic_int_set(ok, 1);
	return G_SOURCE_REMOVE;
}

static int *newFlag(void) { int *f = g_new0(int, 1); return f; }
static void queueMark(int *flag) { g_main_context_invoke(NULL, sendMark, flag); }
static int readFlag(int *flag) { return g_atomic_int_get(flag); }
static void freeFlag(int *flag) { g_free(flag); }
*/
import "C"

import "time"

// sendCloseMark queues the close mark (Ctrl+Alt+Shift+F12) behind every
// input event the window has already received, so the page sees all typed
// keys before it is asked to save and close. It reports whether the mark was
// handed to the web view within wait.
func sendCloseMark(wait time.Duration) bool {
	flag := C.newFlag()
	C.queueMark(flag)
	deadline := time.Now().Add(wait)
	for C.readFlag(flag) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	ok := C.readFlag(flag) == 1
	if C.readFlag(flag) != 0 {
		C.freeFlag(flag)
	} // else the main thread may still write it: leak 4 bytes rather than race
	return ok
}
