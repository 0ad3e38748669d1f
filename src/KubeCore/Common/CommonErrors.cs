using KubeCore.Rules;

namespace KubeCore.Common;

/// <summary>Error codes of the common building blocks (NIK, family card; MEM-06).</summary>
public static class CommonErrors
{
    /// <summary>MEM-06: the number is not exactly 16 digits.</summary>
    public const string NikNotSixteenDigits = "MEM06_NIK_NOT_16_DIGITS";

    /// <summary>MEM-06: the region part (first 6 digits) is not a valid kecamatan code.</summary>
    public const string NikRegionInvalid = "MEM06_NIK_REGION_INVALID";

    /// <summary>MEM-06: the birth-date part is not a date (day 1-31 or 41-71, month 1-12).</summary>
    public const string NikBirthDateInvalid = "MEM06_NIK_BIRTH_DATE_INVALID";

    /// <summary>MEM-06: the serial is 0000.</summary>
    public const string NikSerialInvalid = "MEM06_NIK_SERIAL_INVALID";

    /// <summary>MEM-06: the sex encoded in the NIK differs from the stated sex.</summary>
    public const string NikSexMismatch = "MEM06_NIK_SEX_MISMATCH";

    /// <summary>MEM-06: the birth date encoded in the NIK differs from the stated birth date.</summary>
    public const string NikBirthDateMismatch = "MEM06_NIK_BIRTH_DATE_MISMATCH";

    /// <summary>MEM-06: the family-card number is not exactly 16 digits.</summary>
    public const string FamilyCardNotSixteenDigits = "MEM06_KK_NOT_16_DIGITS";

    /// <summary>MEM-06: the family-card region part is not a valid kecamatan code.</summary>
    public const string FamilyCardRegionInvalid = "MEM06_KK_REGION_INVALID";

    /// <summary>MEM-06: the family-card serial is 0000.</summary>
    public const string FamilyCardSerialInvalid = "MEM06_KK_SERIAL_INVALID";

    /// <summary>MEM-07: the name is empty once invisible characters (white space, zero-width and format characters, lone combining marks) are removed.</summary>
    public const string NameEmpty = "MEM07_NAME_EMPTY";

    /// <summary>MEM-07: the name holds a control, line-break, bidirectional-override or unpaired-surrogate character.</summary>
    public const string NameUnreadableCharacter = "MEM07_NAME_UNREADABLE_CHARACTER";

    /// <summary>MEM-07: the name is longer than the stated length (code points, after normalisation).</summary>
    public const string NameTooLong = "MEM07_NAME_TOO_LONG";

    internal static readonly MessageTable Messages = new("Common",
    [
        new(NameEmpty, "Nama kosong setelah karakter yang tidak terlihat dibuang; tulis nama yang dapat dibaca.", "The name is empty once invisible characters are removed; give a name a person can read."),
        new(NameUnreadableCharacter, "Nama memuat karakter kendali atau pembalik arah teks ({CodePoint}) pada posisi {Position}.", "The name holds a control or text-direction character ({CodePoint}) at position {Position}."),
        new(NameTooLong, "Nama terdiri dari {Length} karakter; paling banyak {MaxLength}.", "The name has {Length} characters; at most {MaxLength} are allowed."),
        new(NikNotSixteenDigits, "{Document} harus terdiri dari 16 digit angka.", "The {Document} must be exactly 16 digits."),
        new(NikRegionInvalid, "Kode wilayah (6 digit pertama) {Document} tidak valid.", "The region part (first 6 digits) of the {Document} is not a valid kecamatan code."),
        new(NikBirthDateInvalid, "Bagian tanggal lahir NIK tidak valid (tanggal 1-31, atau 41-71 untuk perempuan; bulan 1-12).", "The birth-date part of the NIK is not a date (day 1-31, or 41-71 for women; month 1-12)."),
        new(NikSerialInvalid, "Nomor urut {Document} tidak boleh 0000.", "The serial of the {Document} must not be 0000."),
        new(NikSexMismatch, "Jenis kelamin pada NIK ({EncodedSex}) tidak sesuai dengan jenis kelamin yang dinyatakan ({StatedSex}).", "The sex encoded in the NIK ({EncodedSex}) differs from the stated sex ({StatedSex})."),
        new(NikBirthDateMismatch, "Tanggal lahir pada NIK tidak sesuai dengan tanggal lahir yang dinyatakan ({StatedBirthDate}).", "The birth date encoded in the NIK differs from the stated birth date ({StatedBirthDate})."),
        new(FamilyCardNotSixteenDigits, "Nomor {Document} harus terdiri dari 16 digit angka.", "The {Document} number must be exactly 16 digits."),
        new(FamilyCardRegionInvalid, "Kode wilayah (6 digit pertama) nomor {Document} tidak valid.", "The region part (first 6 digits) of the {Document} number is not a valid kecamatan code."),
        new(FamilyCardSerialInvalid, "Nomor urut {Document} tidak boleh 0000.", "The serial of the {Document} number must not be 0000."),
    ]);
}
