// Strongly typed identifiers. Each wraps a non-empty Guid, so an id of one kind can never be passed
// where another is expected. The default value (Guid.Empty) is not a valid id: constructors reject it.
namespace KubeCore.Common;

/// <summary>Identifies a household (rumah tangga, one Kartu Keluarga).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.HouseholdIdJsonConverter))]
public readonly record struct HouseholdId : IComparable<HouseholdId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public HouseholdId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static HouseholdId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static HouseholdId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(HouseholdId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a person (by convention not their NIK, which is personal data).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.PersonIdJsonConverter))]
public readonly record struct PersonId : IComparable<PersonId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public PersonId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    // A value the library itself checked when it took it in (read back from its own compact storage): not checked again.
    private PersonId(Guid value, KnownValue _) => Value = value;

    internal static PersonId Known(Guid value) => new(value, default(KnownValue));

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static PersonId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static PersonId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(PersonId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a group (KUBE, KUB or KSM).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.GroupIdJsonConverter))]
public readonly record struct GroupId : IComparable<GroupId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public GroupId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static GroupId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static GroupId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(GroupId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a pendamping (social facilitator).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.PendampingIdJsonConverter))]
public readonly record struct PendampingId : IComparable<PendampingId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public PendampingId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static PendampingId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static PendampingId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(PendampingId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a group meeting (pertemuan).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.MeetingIdJsonConverter))]
public readonly record struct MeetingId : IComparable<MeetingId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public MeetingId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static MeetingId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static MeetingId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(MeetingId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a loan from a group's revolving fund.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.LoanIdJsonConverter))]
public readonly record struct LoanId : IComparable<LoanId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public LoanId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    // A value the library itself checked when it took it in (read back from its own compact storage): not checked again.
    private LoanId(Guid value, KnownValue _) => Value = value;

    internal static LoanId Known(Guid value) => new(value, default(KnownValue));

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static LoanId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static LoanId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(LoanId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies an entry of a group's savings ledger.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.EntryIdJsonConverter))]
public readonly record struct EntryId : IComparable<EntryId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public EntryId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static EntryId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static EntryId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(EntryId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Identifies a wealth-ranking exercise (PRA).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(KubeCore.Common.Json.ExerciseIdJsonConverter))]
public readonly record struct ExerciseId : IComparable<ExerciseId>
{
    /// <summary>Wraps an existing identifier.</summary>
    /// <exception cref="ArgumentException"><paramref name="value"/> is <see cref="Guid.Empty"/>.</exception>
    public ExerciseId(Guid value)
    {
        Preconditions.CheckArgument(value != Guid.Empty, nameof(value), "An identifier must not be the empty Guid.");
        Value = value;
    }

    /// <summary>The underlying identifier.</summary>
    public Guid Value { get; }

    /// <summary>Creates a new random identifier.</summary>
    public static ExerciseId New() => new(Guid.NewGuid());

    /// <summary>Parses the canonical Guid text form.</summary>
    /// <exception cref="FormatException">The text is not a Guid.</exception>
    public static ExerciseId Parse(string text) => new(Guid.Parse(Preconditions.CheckNotNull(text)));

    /// <inheritdoc />
    public int CompareTo(ExerciseId other) => Value.CompareTo(other.Value);

    /// <summary>The Guid in its canonical text form.</summary>
    public override string ToString() => Value.ToString();
}

/// <summary>Marks the private constructors that take an identifier the library already checked.</summary>
internal readonly struct KnownValue;
