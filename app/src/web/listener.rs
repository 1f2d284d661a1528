//! The server's sockets (server only): every accepted connection gets a write timeout, so a
//! client that stops reading cannot hold a response — its bytes, its connection — for ever.
//! axum's `serve` and hyper have none: a response body is only polled when the socket can take
//! more, so without this a client that never reads keeps everything it asked for in memory.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// How long a write may wait for the client to take bytes before the connection is closed.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// A TCP listener whose connections time out writes that make no progress for `timeout`.
pub struct TimeoutListener {
    inner: TcpListener,
    timeout: Duration,
}

impl TimeoutListener {
    pub fn new(inner: TcpListener, timeout: Duration) -> TimeoutListener {
        TimeoutListener { inner, timeout }
    }
}

impl axum::serve::Listener for TimeoutListener {
    type Io = WriteTimeout<TcpStream>;
    type Addr = std::net::SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        let (stream, addr) = axum::serve::Listener::accept(&mut self.inner).await;
        (WriteTimeout::new(stream, self.timeout), addr)
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// An I/O stream whose writes fail with `TimedOut` once one has waited `timeout` for the
/// other side to take bytes; the wait starts again at each write that goes through.
pub struct WriteTimeout<S> {
    inner: S,
    timeout: Duration,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> WriteTimeout<S> {
    pub fn new(inner: S, timeout: Duration) -> WriteTimeout<S> {
        WriteTimeout {
            inner,
            timeout,
            stalled: None,
        }
    }

    /// After a write or flush: progress forgets the wait; no progress starts it (or, once it
    /// has lasted `timeout`, fails). The timer shares the write's waker, so the connection is
    /// woken when it runs out even if the client never reads again.
    fn watch<T>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if poll.is_ready() {
            self.stalled = None;
            return poll;
        }
        let timeout = self.timeout;
        let stalled = self
            .stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        match stalled.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client took no bytes for too long",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

use std::future::Future;

impl<S: AsyncRead + Unpin> AsyncRead for WriteTimeout<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteTimeout<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.watch(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.watch(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_flush(cx);
        this.watch(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    /// A reader that stops reading: the writer is told so after the timeout, and not before.
    #[tokio::test]
    async fn a_client_that_stops_reading_is_cut_off() {
        let (near, mut far) = tokio::io::duplex(1024);
        let mut w = WriteTimeout::new(near, Duration::from_millis(200));
        // Progress: the reader keeps up, so there is no timeout however long it all takes.
        let reader = tokio::spawn(async move {
            let mut buf = vec![0u8; 4096];
            let mut read = 0;
            while read < 64 * 1024 {
                read += far.read(&mut buf).await.unwrap();
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            far
        });
        for _ in 0..64 {
            w.write_all(&[7u8; 1024]).await.unwrap();
        }
        let _far = reader.await.unwrap();
        // Now nobody reads: the buffer fills, and the write fails.
        let started = std::time::Instant::now();
        let err = loop {
            if let Err(err) = w.write_all(&[7u8; 1024]).await {
                break err;
            }
        };
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(200));
    }
}
