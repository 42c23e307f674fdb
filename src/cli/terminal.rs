//! The terminal side of interactive review: single keys and a line of text read in raw mode,
//! with the terminal back in its normal mode as soon as each read ends (a guard restores it on
//! every way out, a panic included). Ctrl-C, Ctrl-D and SIGINT/SIGTERM/SIGHUP all become a
//! quit that the review handles, so it is never killed halfway through writing a file. The
//! review draws each change on the alternate screen, as pagers do, so the terminal is as it was
//! when the review ends, with only what was written said below the command.

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, queue, terminal};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A key press, as the review sees it.
pub enum Input {
    Char(char),
    /// Any other key (arrows, Enter, ...).
    Other,
    /// Ctrl-C, Ctrl-D, or a signal asking the program to stop.
    Quit,
}

/// A line typed by the reviewer.
pub enum Line {
    Done(String),
    /// Esc: back to the question.
    Cancel,
    Quit,
}

pub struct Terminal {
    stop: Arc<AtomicBool>,
    /// Set while the alternate screen is in use.
    screen: Option<Screen>,
}

/// The alternate screen, for as long as it lives.
struct Screen;

impl Drop for Screen {
    fn drop(&mut self) {
        let mut out = io::stdout();
        let _ = queue!(out, terminal::LeaveAlternateScreen);
        let _ = out.flush();
    }
}

/// Raw mode for as long as it lives.
struct Raw;

impl Raw {
    fn on() -> io::Result<Raw> {
        terminal::enable_raw_mode()?;
        Ok(Raw)
    }
}

impl Drop for Raw {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

impl Terminal {
    pub fn new() -> io::Result<Terminal> {
        let stop = Arc::new(AtomicBool::new(false));
        for signal in [
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
        ] {
            signal_hook::flag::register(signal, Arc::clone(&stop))?;
        }
        Ok(Terminal { stop, screen: None })
    }

    /// Clears the screen for the next change (switching to the alternate screen first).
    pub fn redraw(&mut self) -> io::Result<()> {
        let mut out = io::stdout();
        if self.screen.is_none() {
            queue!(out, terminal::EnterAlternateScreen)?;
            self.screen = Some(Screen);
        }
        queue!(
            out,
            terminal::Clear(terminal::ClearType::All),
            cursor::MoveTo(0, 0)
        )?;
        out.flush()
    }

    /// Back to the normal screen, where the review's last words are printed.
    pub fn leave_screen(&mut self) {
        self.screen = None;
    }

    /// Whether a signal asked the program to stop.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Prints `text` (outside raw mode, so line breaks are ordinary).
    pub fn say(&self, text: &str) {
        let mut out = io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }

    /// The next key press, read in raw mode.
    pub fn key(&self) -> io::Result<Input> {
        let _raw = Raw::on()?;
        let key = self.next_key()?;
        Ok(match key {
            None => Input::Quit,
            Some(k) if is_quit(&k) => Input::Quit,
            Some(KeyEvent {
                code: KeyCode::Char(c),
                ..
            }) => Input::Char(c),
            Some(_) => Input::Other,
        })
    }

    /// A line of text after `prompt`, starting as `initial`; edited with Backspace and Ctrl-U.
    pub fn line(&self, prompt: &str, initial: &str) -> io::Result<Line> {
        let raw = Raw::on()?;
        let mut text = initial.to_string();
        let mut out = io::stdout();
        let result = loop {
            queue!(
                out,
                cursor::MoveToColumn(0),
                terminal::Clear(terminal::ClearType::CurrentLine)
            )?;
            write!(out, "{prompt}{text}")?;
            out.flush()?;
            let Some(k) = self.next_key()? else {
                break Line::Quit;
            };
            if is_quit(&k) {
                break Line::Quit;
            }
            match k.code {
                KeyCode::Enter => break Line::Done(text),
                KeyCode::Esc => break Line::Cancel,
                KeyCode::Backspace => {
                    text.pop();
                }
                KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => text.clear(),
                KeyCode::Char(c) if !k.modifiers.contains(KeyModifiers::CONTROL) => text.push(c),
                _ => {}
            }
        };
        drop(raw);
        self.say("\n");
        Ok(result)
    }

    /// The next key press (raw mode must be on), or None when a signal asked to stop.
    fn next_key(&self) -> io::Result<Option<KeyEvent>> {
        loop {
            if self.stopped() {
                return Ok(None);
            }
            // Poll rather than block, so a signal is seen within a tenth of a second.
            if event::poll(Duration::from_millis(100))? {
                if let Event::Key(k) = event::read()? {
                    if k.kind == KeyEventKind::Press {
                        return Ok(Some(k));
                    }
                }
            }
        }
    }
}

fn is_quit(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c' | 'd'))
}
