//! E-mail (server only): what a message is, and the two ways of delivering it — over SMTP with
//! lettre (production; `SPAZI_SMTP_URL`), or as `.eml` files in a folder (development default,
//! so nothing leaves the machine). Messages are never sent from a request: they go through the
//! outbox (`backend::outbox`), which calls [`Mailer::send`].

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// A text attachment (a calendar file, say).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextAttachment {
    pub filename: String,
    pub content_type: String,
    pub content: String,
}

/// One e-mail to send.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub attachments: Vec<TextAttachment>,
}

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("could not build the message: {0}")]
    Build(String),
    #[error("SMTP: {0}")]
    Smtp(String),
    #[error("writing the mail file: {0}")]
    File(String),
}

/// How mail leaves the application.
#[derive(Clone)]
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Senders,
    },
    /// Development: each message is written as an `.eml` file into the folder.
    Files { dir: PathBuf, from: Senders },
}

/// Who every message is from, and where replies go.
#[derive(Clone)]
pub struct Senders {
    pub from: Mailbox,
    pub reply_to: Option<Mailbox>,
}

impl Mailer {
    /// From the configuration: SMTP when `smtp_url` is set (`smtp://host:25`,
    /// `smtp://user:pass@host:587?tls=required`, `smtps://…`), else files in `dir`.
    /// Replies go to `reply_to` (none when empty).
    pub fn from_config(
        smtp_url: &str,
        dir: &str,
        from: &str,
        reply_to: &str,
    ) -> Result<Mailer, MailError> {
        let mailbox = |text: &str| -> Result<Mailbox, MailError> {
            text.parse()
                .map_err(|_| MailError::Address(text.to_owned()))
        };
        let from = Senders {
            from: mailbox(from)?,
            reply_to: match reply_to.trim() {
                "" => None,
                r => Some(mailbox(r)?),
            },
        };
        if smtp_url.trim().is_empty() {
            return Ok(Mailer::Files {
                dir: PathBuf::from(dir),
                from,
            });
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url.trim())
            .map_err(|e| MailError::Smtp(e.to_string()))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        Ok(Mailer::Smtp { transport, from })
    }

    /// The Message-ID of an outbox row: the same on every attempt.
    pub fn message_id(&self, outbox_id: i64) -> String {
        format!(
            "<spazi-outbox-{outbox_id}@{}>",
            self.from().from.email.domain()
        )
    }

    fn from(&self) -> &Senders {
        match self {
            Mailer::Smtp { from, .. } | Mailer::Files { from, .. } => from,
        }
    }

    /// The message as sent: plain text (and HTML when given) plus attachments. `message_id`
    /// is stable for one outbox row, so a receiver can tell a retry from a new message.
    pub fn message(&self, email: &Email, message_id: &str) -> Result<Message, MailError> {
        let to: Mailbox = email
            .to
            .parse()
            .map_err(|_| MailError::Address(email.to.clone()))?;
        let body = match &email.html {
            Some(html) => MultiPart::alternative_plain_html(email.text.clone(), html.clone()),
            None => MultiPart::mixed().singlepart(SinglePart::plain(email.text.clone())),
        };
        let body = email.attachments.iter().try_fold(
            if email.attachments.is_empty() {
                body
            } else {
                MultiPart::mixed().multipart(body)
            },
            |parts, a| {
                let content_type = ContentType::parse(&a.content_type)
                    .map_err(|e| MailError::Build(e.to_string()))?;
                Ok::<_, MailError>(parts.singlepart(
                    Attachment::new(a.filename.clone()).body(a.content.clone(), content_type),
                ))
            },
        )?;
        let senders = self.from();
        let mut message = Message::builder().from(senders.from.clone());
        if let Some(reply_to) = &senders.reply_to {
            message = message.reply_to(reply_to.clone());
        }
        message
            .to(to)
            .subject(email.subject.clone())
            .message_id(Some(message_id.to_owned()))
            .multipart(body)
            .map_err(|e| MailError::Build(e.to_string()))
    }

    pub async fn send(&self, email: &Email, message_id: &str) -> Result<(), MailError> {
        let message = self.message(email, message_id)?;
        match self {
            Mailer::Smtp { transport, .. } => transport
                .send(message)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Smtp(e.to_string())),
            Mailer::Files { dir, .. } => {
                tokio::fs::create_dir_all(dir)
                    .await
                    .map_err(|e| MailError::File(e.to_string()))?;
                let name: String = message_id
                    .trim_matches(['<', '>'])
                    .chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '.' {
                            c
                        } else {
                            '-'
                        }
                    })
                    .collect();
                tokio::fs::write(dir.join(format!("{name}.eml")), message.formatted())
                    .await
                    .map_err(|e| MailError::File(e.to_string()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_text_html_and_attachments() {
        let mailer = Mailer::from_config(
            "",
            "/tmp/unused",
            "Spazi <noreply@example.it>",
            "progimpresa@cittametropolitana.bo.it",
        )
        .unwrap();
        let email = Email {
            to: "anna@example.it".into(),
            subject: "Conferma – città".into(),
            text: "Ciao Anna".into(),
            html: Some("<p>Ciao Anna</p>".into()),
            attachments: vec![TextAttachment {
                filename: "evento.ics".into(),
                content_type: "text/calendar; charset=utf-8".into(),
                content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
            }],
        };
        let raw = String::from_utf8(
            mailer
                .message(&email, "<outbox-1@spazi>")
                .unwrap()
                .formatted(),
        )
        .unwrap();
        assert!(raw.contains("To: anna@example.it"));
        assert!(raw.contains("Reply-To: progimpresa@cittametropolitana.bo.it"));
        assert!(raw.contains("Message-ID: <outbox-1@spazi>"));
        assert!(raw.contains("multipart/alternative") && raw.contains("multipart/mixed"));
        assert!(raw.contains("filename=\"evento.ics\""));
        assert!(matches!(
            mailer.message(
                &Email {
                    to: "not an address".into(),
                    ..email
                },
                "<x@y>"
            ),
            Err(MailError::Address(_))
        ));
    }
}
