//! A loopback stand-in for the Hugging Face Hub: scripted answers per path (recorded responses
//! from tests/fixtures), with the requests it saw, so the client is tested without the network.
#![allow(dead_code)] // the test file uses the parts it needs

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One scripted answer.
#[derive(Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
    /// Announce this many more bytes than are sent, then close (a body cut short).
    pub missing: usize,
}

pub fn reply(status: u16, body: &str) -> Reply {
    Reply {
        status,
        headers: Vec::new(),
        body: body.to_owned(),
        missing: 0,
    }
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name),
    )
    .unwrap()
}

/// Each request the server saw: its path with query, and its headers (names lower-cased).
pub type Seen = Mutex<Vec<(String, Vec<(String, String)>)>>;
/// Scripted answers per path.
type Routes = Mutex<HashMap<String, VecDeque<Reply>>>;

/// A loopback server answering each path (with its query) from a queue; the last answer of a
/// queue repeats. Unknown paths answer 404 with the Hub's `RepoNotFound` code. It records each
/// request's path and headers. Bounded: it stops after a number of connections.
pub struct Hub {
    pub base: String,
    pub seen: Arc<Seen>,
}

pub fn hub(routes: Vec<(&str, Vec<Reply>)>) -> Hub {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let routes = routes
        .into_iter()
        .map(|(path, replies)| (path.to_owned(), replies))
        .collect();
    serve(listener, routes, 200)
}

/// Serves `routes` on an already bound `listener` (for answers that must name its address, like
/// a `Link` to the next page), for at most `limit` connections.
pub fn serve(listener: TcpListener, routes: Vec<(String, Vec<Reply>)>, limit: usize) -> Hub {
    let base = format!("http://{}", listener.local_addr().unwrap());
    let routes: Arc<Routes> = Arc::new(Mutex::new(
        routes
            .into_iter()
            .map(|(path, replies)| (path, replies.into()))
            .collect(),
    ));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorded = seen.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(limit) {
            let Ok(stream) = stream else { continue };
            answer(stream, &routes, &recorded);
        }
    });
    Hub { base, seen }
}

fn answer(mut stream: TcpStream, routes: &Routes, seen: &Seen) {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_owned();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).is_err() || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.trim_end().split_once(':') {
            headers.push((name.to_ascii_lowercase(), value.trim().to_owned()));
        }
    }
    seen.lock().unwrap().push((path.clone(), headers));
    let reply = {
        let mut routes = routes.lock().unwrap();
        match routes.get_mut(&path) {
            Some(queue) if queue.len() > 1 => queue.pop_front().unwrap(),
            Some(queue) => queue.front().cloned().unwrap(),
            None => Reply {
                status: 404,
                headers: vec![("X-Error-Code".into(), "RepoNotFound".into())],
                body: r#"{"error":"Repository not found"}"#.into(),
                missing: 0,
            },
        }
    };
    let mut head = format!(
        "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
        reply.status,
        reply.body.len() + reply.missing
    );
    for (name, value) in &reply.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(reply.body.as_bytes());
    let _ = stream.flush();
}
