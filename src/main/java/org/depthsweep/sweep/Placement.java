package org.depthsweep.sweep;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;

/**
 * One place where a sweep gives a parameter's values, before they are converted: a single value, a list or a range.
 *
 * @param spec    the parameter
 * @param keyPath where the values are written, for messages: {@code p}, {@code grid.lr} or {@code zip[0].steps}
 * @param value   the written value
 * @param range   the parsed range when {@code value} is a range object, else null
 */
record Placement(ParamSpec spec, String keyPath, ConfigValue value, ValueRange range) {
    /** Returns the number of values: 1 for a single value, the list length, or the range's count. */
    long size() {
        if (range != null) {
            return range.count();
        }
        return value.valueType() == ConfigValueType.LIST ? ((ConfigList) value).size() : 1;
    }
}
