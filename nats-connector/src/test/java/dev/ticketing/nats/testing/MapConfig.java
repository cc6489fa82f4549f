package dev.ticketing.nats.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A {@link Config} over a map of strings, shaped like the per-channel Config that SmallRye hands to
 * a connector (keys without the {@code mp.messaging.incoming.<channel>.} prefix, plus {@code
 * channel-name}). Build with {@link #channel(String)} and {@link #with(String, Object)}.
 */
public final class MapConfig implements Config {

    private final Map<String, String> values;

    private MapConfig(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static MapConfig channel(String channelName) {
        return new MapConfig(Map.of("channel-name", channelName));
    }

    public static MapConfig of(Map<String, String> values) {
        return new MapConfig(values);
    }

    /** A copy with one more (or a replaced) property; a null value removes it. */
    public MapConfig with(String key, Object value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, String.valueOf(value));
        }
        return new MapConfig(copy);
    }

    public Map<String, String> asMap() {
        return values;
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException("no property " + propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        String v = values.get(propertyName);
        return new ConfigValue() {
            @Override
            public String getName() {
                return propertyName;
            }

            @Override
            public String getValue() {
                return v;
            }

            @Override
            public String getRawValue() {
                return v;
            }

            @Override
            public String getSourceName() {
                return "MapConfig";
            }

            @Override
            public int getSourceOrdinal() {
                return 100;
            }
        };
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String v = values.get(propertyName);
        if (v == null) {
            return Optional.empty();
        }
        return Optional.of(convert(v, propertyType));
    }

    @SuppressWarnings("unchecked")
    private static <T> T convert(String v, Class<T> type) {
        if (type == String.class) {
            return (T) v;
        }
        if (type == Integer.class || type == int.class) {
            return (T) Integer.valueOf(v);
        }
        if (type == Long.class || type == long.class) {
            return (T) Long.valueOf(v);
        }
        if (type == Boolean.class || type == boolean.class) {
            return (T) Boolean.valueOf(v);
        }
        throw new IllegalArgumentException("MapConfig cannot convert to " + type);
    }

    @Override
    public Iterable<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return Set.of(
                new ConfigSource() {
                    @Override
                    public Set<String> getPropertyNames() {
                        return values.keySet();
                    }

                    @Override
                    public String getValue(String propertyName) {
                        return values.get(propertyName);
                    }

                    @Override
                    public String getName() {
                        return "MapConfig";
                    }
                });
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return Optional.empty();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new IllegalArgumentException("cannot unwrap to " + type);
    }

    @Override
    public String toString() {
        return "MapConfig" + values;
    }
}
