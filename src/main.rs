//! Entry point of the browser build: panic hook, then mount (taking over a prerendered page where
//! there is one). Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    // In a task of its own: the module has just been compiled and started in this one, and on a
    // slow phone the two together were one long task.
    llm_watch::browser::after_a_turn(|| llm_watch::takeover::mount(llm_watch::App));
}
