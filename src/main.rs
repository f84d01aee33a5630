//! Entry point of the browser build: panic hook, then mount (taking over a prerendered page where
//! there is one). Nothing else lives here.

fn main() {
    console_error_panic_hook::set_once();
    llm_watch::takeover::mount(llm_watch::App);
}
