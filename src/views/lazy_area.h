#pragma once
// An area that reads the database only when first shown: signing in stays quick, and a
// person who never opens an area leaves no refused-access lines in the audit trail.
namespace md::views {

class LazyArea {
public:
    virtual ~LazyArea() = default;
    void show_first_time() {
        if (loaded_) return;
        loaded_ = true;
        load();
    }

protected:
    virtual void load() = 0;

private:
    bool loaded_ = false;
};

}  // namespace md::views
