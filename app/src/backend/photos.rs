//! A space's photo: an upload (JPEG, PNG or WebP, at most [`MAX_BYTES`]) is decoded within
//! limits (its size read from the header first, so a small file that claims a huge picture —
//! a decompression bomb — is refused before anything is allocated), turned as its EXIF
//! orientation says, cropped to 3:2 around its centre, and re-encoded as JPEG at each of
//! [`PhotoSize`]'s sizes (the list's thumbnails, the popups', the space page's on phones and on
//! wide screens) within a byte budget. Nothing of the upload but its pixels
//! survives: no EXIF (GPS position, camera, owner), no XMP, no ICC profile, no comments.

use crate::core::model::PhotoSize;
use image::codecs::jpeg::JpegEncoder;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use sha2::{Digest, Sha256};
use std::io::Cursor;

/// The largest upload accepted (the router's body limit is this and the form's other fields).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
/// The most pixels decoded (a 48-megapixel phone's full-size photo is within it).
pub const MAX_PIXELS: u64 = 50_000_000;
/// The smallest photo accepted, in pixels.
pub const MIN_SIZE: (u32, u32) = (300, 200);
/// The list's thumbnails (shown 120 CSS px wide: sharp on a 2× phone), and their budget in
/// bytes: small, as the first cards load with the map page.
pub const THUMB: (u32, u32) = pixels(PhotoSize::Thumb);
pub const THUMB_BUDGET: usize = 12 * 1024;
/// The map's popups (shown at most 240 px wide, so sharp enough on a 1.5× screen) and the
/// thumbnails on 3× screens, and its budget in bytes.
pub const CARD: (u32, u32) = pixels(PhotoSize::Card);
pub const CARD_BUDGET: usize = 24 * 1024;
/// The space page's size on phones (a 360-px-wide screen at 2×) and 1× screens, and its budget.
pub const PHONE: (u32, u32) = pixels(PhotoSize::Phone);
pub const PHONE_BUDGET: usize = 56 * 1024;
/// The space page's size on wide 2× screens (3:2), and its budget in bytes.
pub const PAGE: (u32, u32) = pixels(PhotoSize::Page);
pub const PAGE_BUDGET: usize = 120 * 1024;
/// A size's pixels, 3:2 at the width its address names (`PhotoSize::width`: one truth for
/// both).
const fn pixels(size: PhotoSize) -> (u32, u32) {
    let width = size.width();
    (width, width * 2 / 3)
}
/// JPEG qualities tried in turn until a size fits its budget.
const QUALITIES: [u8; 8] = [82, 74, 66, 58, 50, 42, 34, 26];

/// One photo decoded at a time per process: decoding holds the whole picture (up to
/// [`MAX_PIXELS`] × 4 bytes) for a moment.
pub static TURN: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);

/// Why an upload is not a photo we keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoError {
    /// More than [`MAX_BYTES`].
    TooLarge,
    /// Not a JPEG, PNG or WebP picture, or not one that decodes.
    NotAPhoto,
    /// Fewer pixels than [`MIN_SIZE`] or more than [`MAX_PIXELS`].
    Dimensions,
}

/// A photo ready to store: its name (a digest of its bytes) and its sizes.
#[derive(Debug, Clone)]
pub struct Photo {
    pub digest: String,
    pub thumb: Vec<u8>,
    pub card: Vec<u8>,
    pub phone: Vec<u8>,
    pub page: Vec<u8>,
}

/// A size's pixels and its budget in bytes.
pub const fn dimensions(size: PhotoSize) -> ((u32, u32), usize) {
    match size {
        PhotoSize::Thumb => (THUMB, THUMB_BUDGET),
        PhotoSize::Card => (CARD, CARD_BUDGET),
        PhotoSize::Phone => (PHONE, PHONE_BUDGET),
        PhotoSize::Page => (PAGE, PAGE_BUDGET),
    }
}

/// Processes an upload in the blocking pool, one at a time per process.
pub async fn process_in_turn(bytes: Vec<u8>) -> Result<Photo, PhotoError> {
    let _turn = TURN.acquire().await;
    tokio::task::spawn_blocking(move || process(&bytes))
        .await
        .unwrap_or(Err(PhotoError::NotAPhoto))
}

/// Decodes, checks, orients, crops and re-encodes an upload.
pub fn process(bytes: &[u8]) -> Result<Photo, PhotoError> {
    if bytes.len() > MAX_BYTES {
        return Err(PhotoError::TooLarge);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| PhotoError::NotAPhoto)?;
    if !matches!(
        reader.format(),
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err(PhotoError::NotAPhoto);
    }
    let mut limits = Limits::default();
    // Any shape (a panorama, a banner): the number of pixels is what is limited.
    limits.max_image_width = Some(65_000);
    limits.max_image_height = Some(65_000);
    limits.max_alloc = Some(MAX_PIXELS * 4 + 16 * 1024 * 1024);
    reader.limits(limits);
    let too_big = |err: image::ImageError| match err {
        image::ImageError::Limits(_) => PhotoError::Dimensions,
        _ => PhotoError::NotAPhoto,
    };
    let mut decoder = reader.into_decoder().map_err(too_big)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(PhotoError::Dimensions);
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(too_big)?;
    picture.apply_orientation(orientation);
    let (width, height) = (picture.width(), picture.height());
    let (min_w, min_h) = MIN_SIZE;
    let (w, h) = (width.max(height), width.min(height));
    if w < min_w || h < min_h {
        return Err(PhotoError::Dimensions);
    }
    let crop = crop_3_2(width, height);
    let [thumb, card, phone, page] = if picture.color().has_alpha() {
        let rgba = picture.into_rgba8();
        let view = image::imageops::crop_imm(&rgba, crop.0, crop.1, crop.2, crop.3);
        PhotoSize::ALL.map(|size| flatten(&fit(&*view, dimensions(size).0)))
    } else {
        let rgb = picture.into_rgb8();
        let view = image::imageops::crop_imm(&rgb, crop.0, crop.1, crop.2, crop.3);
        PhotoSize::ALL.map(|size| fit(&*view, dimensions(size).0))
    };
    let budget = |size| dimensions(size).1;
    let page = encode(&page, budget(PhotoSize::Page))?;
    let hash = Sha256::digest(&page);
    let digest: String = hash.iter().take(12).map(|b| format!("{b:02x}")).collect();
    Ok(Photo {
        digest,
        thumb: encode(&thumb, budget(PhotoSize::Thumb))?,
        card: encode(&card, budget(PhotoSize::Card))?,
        phone: encode(&phone, budget(PhotoSize::Phone))?,
        page,
    })
}

/// A smaller size made from a stored, larger one (for photos stored before that size existed;
/// the stored size is our own 3:2 JPEG of at most [`PAGE`], so it decodes within limits).
pub fn resized(stored: &[u8], size: PhotoSize) -> Result<Vec<u8>, PhotoError> {
    let mut reader = ImageReader::with_format(Cursor::new(stored), ImageFormat::Jpeg);
    let mut limits = Limits::default();
    limits.max_image_width = Some(PAGE.0);
    limits.max_image_height = Some(PAGE.1);
    reader.limits(limits);
    let picture = reader.decode().map_err(|_| PhotoError::NotAPhoto)?;
    let (pixels, budget) = dimensions(size);
    encode(&fit(&picture.into_rgb8(), pixels), budget)
}

/// The largest 3:2 rectangle centred in a picture: (x, y, width, height).
fn crop_3_2(width: u32, height: u32) -> (u32, u32, u32, u32) {
    let (w, h) = (u64::from(width), u64::from(height));
    if w * 2 >= h * 3 {
        let cw = (h * 3 / 2) as u32;
        ((width - cw) / 2, 0, cw, height)
    } else {
        let ch = (w * 2 / 3) as u32;
        (0, (height - ch) / 2, width, ch)
    }
}

/// A picture brought down to `size` (never up: a smaller one keeps its own size, still 3:2).
fn fit<I>(view: &I, size: (u32, u32)) -> image::ImageBuffer<I::Pixel, Vec<u8>>
where
    I: image::GenericImageView,
    I::Pixel: image::Pixel<Subpixel = u8> + 'static,
{
    let (w, h) = view.dimensions();
    let (tw, th) = if w > size.0 {
        (size.0, size.1)
    } else {
        (w, (w * 2 / 3).min(h))
    };
    image::imageops::thumbnail(view, tw.max(1), th.max(1))
}

/// A transparent picture laid on white (JPEG has no transparency).
fn flatten(rgba: &image::RgbaImage) -> image::RgbImage {
    image::RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a))) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}

/// JPEG at the best quality that fits `budget` bytes.
fn encode(picture: &image::RgbImage, budget: usize) -> Result<Vec<u8>, PhotoError> {
    let mut last = Vec::new();
    for quality in QUALITIES {
        let mut out = Vec::with_capacity(budget);
        JpegEncoder::new_with_quality(&mut out, quality)
            .encode_image(picture)
            .map_err(|_| PhotoError::NotAPhoto)?;
        if out.len() <= budget {
            return Ok(out);
        }
        last = out;
    }
    // Only pure noise is still over budget at the lowest quality: kept, it is bounded by size.
    Ok(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::{ImageEncoder, Rgb, RgbImage};

    /// A picture with some detail (gradients), as JPEG.
    fn jpeg(width: u32, height: u32) -> Vec<u8> {
        let img = RgbImage::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        });
        let mut out = Vec::new();
        JpegEncoder::new_with_quality(&mut out, 90)
            .encode_image(&img)
            .unwrap();
        out
    }

    /// `jpeg` with an EXIF block (a GPS position, a camera owner, an orientation) after SOI.
    fn with_exif(jpeg: &[u8], orientation: u16) -> Vec<u8> {
        // TIFF header (little endian), one IFD with the orientation, then a marker text that
        // stands for the GPS block and the owner's name.
        let mut tiff = b"II*\0\x08\0\0\0".to_vec();
        tiff.extend_from_slice(&1u16.to_le_bytes()); // one entry
        tiff.extend_from_slice(&0x0112u16.to_le_bytes()); // Orientation
        tiff.extend_from_slice(&3u16.to_le_bytes()); // SHORT
        tiff.extend_from_slice(&1u32.to_le_bytes());
        tiff.extend_from_slice(&orientation.to_le_bytes());
        tiff.extend_from_slice(&[0, 0]);
        tiff.extend_from_slice(&0u32.to_le_bytes()); // no next IFD
        tiff.extend_from_slice(b"GPS 44.4949N 11.3426E owner Mario Rossi");
        let mut app1 = b"Exif\0\0".to_vec();
        app1.extend_from_slice(&tiff);
        let mut out = jpeg[..2].to_vec();
        out.extend_from_slice(&[0xFF, 0xE1]);
        out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
        out.extend_from_slice(&app1);
        out.extend_from_slice(&jpeg[2..]);
        out
    }

    fn decoded(bytes: &[u8]) -> DynamicImage {
        image::load_from_memory_with_format(bytes, ImageFormat::Jpeg).unwrap()
    }

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack.windows(needle.len()).any(|w| w == needle)
    }

    #[test]
    fn a_photo_comes_out_at_three_sizes_without_its_metadata() {
        let upload = with_exif(&jpeg(2000, 1500), 1);
        assert!(contains(&upload, b"Mario Rossi"));
        let photo = process(&upload).unwrap();
        assert!(
            crate::core::validate::space::is_photo_name(&photo.digest),
            "{}",
            photo.digest
        );
        for bytes in [&photo.thumb, &photo.card, &photo.phone, &photo.page] {
            assert!(!contains(bytes, b"Exif"));
            assert!(!contains(bytes, b"Mario Rossi"));
            assert!(!contains(bytes, b"GPS"));
        }
        let sizes = [&photo.thumb, &photo.card, &photo.phone, &photo.page];
        for (size, bytes) in PhotoSize::ALL.into_iter().zip(sizes) {
            let (pixels, budget) = dimensions(size);
            let picture = decoded(bytes);
            assert_eq!((picture.width(), picture.height()), pixels, "{size:?}");
            assert!(bytes.len() <= budget, "{size:?}: {}", bytes.len());
        }
        // Made again from a larger size (photos stored before a size existed).
        let again = decoded(&resized(&photo.page, PhotoSize::Phone).unwrap());
        assert_eq!((again.width(), again.height()), PHONE);
        let again = decoded(&resized(&photo.card, PhotoSize::Thumb).unwrap());
        assert_eq!((again.width(), again.height()), THUMB);
        assert_eq!(
            resized(b"not a jpeg", PhotoSize::Phone),
            Err(PhotoError::NotAPhoto)
        );
        // The same upload twice: the same name.
        assert_eq!(process(&upload).unwrap().digest, photo.digest);
    }

    #[test]
    fn the_exif_orientation_is_applied() {
        // 900 × 600 turned a quarter (orientation 6): a portrait 600 × 900, cropped to 3:2
        // across its width.
        let photo = process(&with_exif(&jpeg(900, 600), 6)).unwrap();
        let page = decoded(&photo.page);
        assert_eq!((page.width(), page.height()), (600, 400));
    }

    #[test]
    fn small_photos_are_not_enlarged_and_tiny_ones_refused() {
        let photo = process(&jpeg(450, 300)).unwrap();
        assert_eq!(decoded(&photo.page).width(), 450);
        assert_eq!(decoded(&photo.card).width(), CARD.0);
        let photo = process(&jpeg(330, 220)).unwrap();
        assert_eq!(decoded(&photo.page).width(), 330);
        assert_eq!(decoded(&photo.card).width(), 330);
        assert_eq!(
            process(&jpeg(200, 150)).unwrap_err(),
            PhotoError::Dimensions
        );
    }

    #[test]
    fn transparent_pngs_are_laid_on_white() {
        let img = image::RgbaImage::from_pixel(600, 400, image::Rgba([0, 0, 0, 0]));
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(img.as_raw(), 600, 400, image::ExtendedColorType::Rgba8)
            .unwrap();
        let photo = process(&png).unwrap();
        let page = decoded(&photo.page).into_rgb8();
        assert!(page.get_pixel(10, 10).0.iter().all(|c| *c > 245));
    }

    #[test]
    fn what_is_not_a_photo_is_refused() {
        assert_eq!(process(b"hello").unwrap_err(), PhotoError::NotAPhoto);
        assert_eq!(
            process(b"<svg xmlns='http://www.w3.org/2000/svg'></svg>").unwrap_err(),
            PhotoError::NotAPhoto
        );
        // A GIF is a picture, not one of the formats taken.
        assert_eq!(
            process(b"GIF89a\x01\0\x01\0").unwrap_err(),
            PhotoError::NotAPhoto
        );
        // A PNG cut short (a JPEG cut short decodes, grey where it ends).
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(
                &vec![7u8; 600 * 400 * 3],
                600,
                400,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        assert_eq!(
            process(&png[..png.len() / 2]).unwrap_err(),
            PhotoError::NotAPhoto
        );
        assert_eq!(
            process(&vec![0u8; MAX_BYTES + 1]).unwrap_err(),
            PhotoError::TooLarge
        );
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_is_decoded() {
        // A 1 × 1 PNG whose header says 100,000 × 100,000 (its checksum made right).
        let mut png = Vec::new();
        image::codecs::png::PngEncoder::new(&mut png)
            .write_image(&[0, 0, 0], 1, 1, image::ExtendedColorType::Rgb8)
            .unwrap();
        png[16..20].copy_from_slice(&100_000u32.to_be_bytes());
        png[20..24].copy_from_slice(&100_000u32.to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(&png[12..29]);
        png[29..33].copy_from_slice(&crc.sum().to_be_bytes());
        assert_eq!(process(&png).unwrap_err(), PhotoError::Dimensions);
    }
}
