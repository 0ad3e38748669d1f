using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using KubeCore.Rules;
using KubeCore.Savings;

namespace KubeCore.Common.Json;

// The System.Text.Json shapes of KubeCore's scalar value types, attached to each type with [JsonConverter], so that a
// host serializes the aggregates' states (GroupState, LedgerState, ...) with no KubeCore-specific setup. NodaTime's
// types (LocalDate, Period, ...) need NodaTime.Serialization.SystemTextJson, which the host adds
// (options.ConfigureForNodaTime(DateTimeZoneProviders.Tzdb)). A value of the wrong form throws JsonException.
// Converters registered in JsonSerializerOptions.Converters take precedence over these (the reference API does so
// to answer wire errors in the caller's language).

/// <summary>A strongly typed id as its canonical Guid string (<c>"3f2504e0-4f89-11d3-9a0c-0305e82c3301"</c>); the empty Guid is refused.</summary>
/// <typeparam name="TId">The id type.</typeparam>
public abstract class GuidIdJsonConverter<TId> : JsonConverter<TId>
    where TId : struct
{
    /// <summary>The id of a Guid.</summary>
    protected abstract TId FromGuid(Guid value);

    /// <summary>The Guid of an id.</summary>
    protected abstract Guid ToGuid(TId id);

    /// <inheritdoc/>
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var guid) && guid != Guid.Empty
            ? FromGuid(guid)
            : throw new JsonException($"A {typeof(TId).Name} is a non-empty Guid string.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ToGuid(value).ToString("D", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc/>
    public override TId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Guid.TryParse(reader.GetString(), out var guid) && guid != Guid.Empty
            ? FromGuid(guid)
            : throw new JsonException($"A {typeof(TId).Name} is a non-empty Guid string.");

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, TId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(ToGuid(value).ToString("D", CultureInfo.InvariantCulture));
    }
}

/// <summary>JSON converter of <see cref="HouseholdId"/>.</summary>
public sealed class HouseholdIdJsonConverter : GuidIdJsonConverter<HouseholdId>
{
    /// <inheritdoc/>
    protected override HouseholdId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(HouseholdId id) => id.Value;
}

/// <summary>JSON converter of <see cref="PersonId"/>.</summary>
public sealed class PersonIdJsonConverter : GuidIdJsonConverter<PersonId>
{
    /// <inheritdoc/>
    protected override PersonId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(PersonId id) => id.Value;
}

/// <summary>JSON converter of <see cref="GroupId"/>.</summary>
public sealed class GroupIdJsonConverter : GuidIdJsonConverter<GroupId>
{
    /// <inheritdoc/>
    protected override GroupId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(GroupId id) => id.Value;
}

/// <summary>JSON converter of <see cref="PendampingId"/>.</summary>
public sealed class PendampingIdJsonConverter : GuidIdJsonConverter<PendampingId>
{
    /// <inheritdoc/>
    protected override PendampingId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(PendampingId id) => id.Value;
}

/// <summary>JSON converter of <see cref="MeetingId"/>.</summary>
public sealed class MeetingIdJsonConverter : GuidIdJsonConverter<MeetingId>
{
    /// <inheritdoc/>
    protected override MeetingId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(MeetingId id) => id.Value;
}

/// <summary>JSON converter of <see cref="LoanId"/>.</summary>
public sealed class LoanIdJsonConverter : GuidIdJsonConverter<LoanId>
{
    /// <inheritdoc/>
    protected override LoanId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(LoanId id) => id.Value;
}

/// <summary>JSON converter of <see cref="EntryId"/>.</summary>
public sealed class EntryIdJsonConverter : GuidIdJsonConverter<EntryId>
{
    /// <inheritdoc/>
    protected override EntryId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(EntryId id) => id.Value;
}

/// <summary>JSON converter of <see cref="ExerciseId"/>.</summary>
public sealed class ExerciseIdJsonConverter : GuidIdJsonConverter<ExerciseId>
{
    /// <inheritdoc/>
    protected override ExerciseId FromGuid(Guid value) => new(value);

    /// <inheritdoc/>
    protected override Guid ToGuid(ExerciseId id) => id.Value;
}

/// <summary><see cref="Rupiah"/> as a JSON integer of whole rupiah (<c>1500000</c>); fractions and strings are refused.</summary>
public sealed class RupiahJsonConverter : JsonConverter<Rupiah>
{
    /// <inheritdoc/>
    public override Rupiah Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var amount)
            ? Rupiah.Of(amount)
            : throw new JsonException("An amount is a JSON integer of whole rupiah.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Rupiah value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.Amount);
    }
}

/// <summary><see cref="Rate"/> as a JSON integer of basis points (<c>150</c> is 1,5 %), exact.</summary>
public sealed class RateJsonConverter : JsonConverter<Rate>
{
    /// <inheritdoc/>
    public override Rate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var basisPoints))
        {
            throw new JsonException("A rate is a JSON integer of basis points.");
        }
        try
        {
            return Rate.FromBasisPoints(basisPoints);
        }
        catch (ArgumentException e)
        {
            throw new JsonException("A rate is a JSON integer of basis points.", e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Rate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.BasisPoints);
    }
}

/// <summary><see cref="RegionCode"/> as its dotted text (<c>"62.71.01.1001"</c>).</summary>
public sealed class RegionCodeJsonConverter : JsonConverter<RegionCode>
{
    /// <inheritdoc/>
    public override RegionCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && RegionCode.TryParse(reader.GetString(), out var code)
            ? code
            : throw new JsonException("A region code is dotted text such as 62.71.01.1001.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, RegionCode value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary><see cref="RuleId"/> as its text (<c>"GRP-01"</c>).</summary>
public sealed class RuleIdJsonConverter : JsonConverter<RuleId>
{
    /// <inheritdoc/>
    public override RuleId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return RuleId.Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : string.Empty);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new JsonException("A rule id looks like GRP-01.", e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, RuleId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary><see cref="EntryHash"/> as 64 lower-case hexadecimal digits.</summary>
public sealed class EntryHashJsonConverter : JsonConverter<EntryHash>
{
    /// <inheritdoc/>
    public override EntryHash Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        try
        {
            return EntryHash.Parse(reader.TokenType == JsonTokenType.String ? reader.GetString() ?? string.Empty : string.Empty);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new JsonException("An entry hash is 64 hexadecimal digits.", e);
        }
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, EntryHash value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
