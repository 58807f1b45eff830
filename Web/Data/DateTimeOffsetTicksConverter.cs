using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Blog.Web.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks so SQL can sort and compare it.</summary>
public sealed class DateTimeOffsetTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
