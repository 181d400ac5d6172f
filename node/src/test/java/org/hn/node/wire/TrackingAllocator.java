package org.hn.node.wire;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledDirectByteBuf;
import io.netty.buffer.UnpooledHeapByteBuf;

/** An unpooled allocator that remembers the largest capacity any handler asked for, allocation or growth. */
public final class TrackingAllocator extends AbstractByteBufAllocator {

    private int largestRequest;

    public TrackingAllocator() {
        super(false);
    }

    public int largestRequest() {
        return largestRequest;
    }

    @Override
    protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
        record(initialCapacity);
        return new UnpooledHeapByteBuf(this, initialCapacity, maxCapacity);
    }

    @Override
    protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
        record(initialCapacity);
        return new UnpooledDirectByteBuf(this, initialCapacity, maxCapacity);
    }

    @Override
    public int calculateNewCapacity(int minNewCapacity, int maxCapacity) {
        record(minNewCapacity);
        return super.calculateNewCapacity(minNewCapacity, maxCapacity);
    }

    @Override
    public boolean isDirectBufferPooled() {
        return false;
    }

    private void record(int capacity) {
        largestRequest = Math.max(largestRequest, capacity);
    }
}
